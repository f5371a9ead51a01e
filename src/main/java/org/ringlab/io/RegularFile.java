package org.ringlab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Says why a path cannot be read as an input file. Opening a named pipe blocks until a writer
 * appears, and {@code /dev/zero} or {@code /dev/urandom} never end, so readers refuse anything
 * but a regular file (a symbolic link to one is followed) before they open it.
 *
 * <p>The check and the open are two steps: a file replaced by a pipe in between still blocks. That
 * needs someone who can write to the folder already, so it is not guarded against.
 */
public final class RegularFile {
    /** File type bits of a POSIX mode. */
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private RegularFile() {
    }

    /**
     * @return null when {@code path} is a regular file; otherwise why not, in words that follow the
     *     path in a message: "does not exist", "is a folder, not a file", "is a named pipe (FIFO),
     *     not a regular file", …
     */
    public static String problem(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return "does not exist";
        } catch (IOException e) {
            return "cannot be read: " + e.getMessage();
        }
        if (attributes.isRegularFile()) {
            return null;
        }
        if (attributes.isDirectory()) {
            return "is a folder, not a file";
        }
        return "is " + otherKind(path) + ", not a regular file";
    }

    private static String otherKind(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file (pipe, device or socket)";
        }
        return switch (mode & TYPE_MASK) {
            case FIFO -> "a named pipe (FIFO)";
            case CHARACTER_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case SOCKET -> "a socket";
            default -> "a special file";
        };
    }
}
