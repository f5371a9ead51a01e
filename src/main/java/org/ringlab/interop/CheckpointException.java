package org.ringlab.interop;

import java.io.IOException;
import java.nio.file.Path;
import org.ringlab.io.Printable;

/**
 * A checkpoint that cannot be read, or that RingLab refuses to read; the message names the file.
 * What follows the file name may quote the file, so it is made printable on one line.
 */
public final class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_MESSAGE = 1_000;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(Path file, String message) {
        super(file + ": " + Printable.shown(message, MAX_MESSAGE));
    }

    public CheckpointException(Path file, String message, Throwable cause) {
        super(file + ": " + Printable.shown(message, MAX_MESSAGE), cause);
    }
}
