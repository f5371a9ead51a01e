package org.ringlab.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/** The shared secret a worker demands from its clients: made, stored privately, read and compared. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** 256 random bits, URL-safe Base64 (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @throws WorkerException when the file is missing, unreadable or empty
     */
    public static String read(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new WorkerException("token file " + file + " does not exist");
        } catch (IOException e) {
            throw new WorkerException("cannot read token file " + file + ": " + e.getMessage(), e);
        }
        if (token.isEmpty()) {
            throw new WorkerException("token file " + file + " is empty");
        }
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new WorkerException("token file " + file
                    + " holds spaces or non-ASCII characters; a token is one word of printable ASCII");
        }
        return token;
    }

    /** Writes the token to {@code file}, readable and writable by its owner only (0600 on POSIX). */
    public static void writePrivate(Path file, String token) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(ownerOnly()));
        } else {
            Files.createFile(tmp);
            tmp.toFile().setReadable(false, false);
            tmp.toFile().setReadable(true, true);
        }
        Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A fresh private directory (0700) for a launched worker's token and port files. */
    static Path privateTempDirectory() throws IOException {
        return posix() ? Files.createTempDirectory("ringlab-worker-",
                PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)))
                : Files.createTempDirectory("ringlab-worker-");
    }

    /**
     * Compares in time independent of where the tokens differ: both sides are hashed first, so
     * neither the position of the first difference nor the expected length leaks.
     */
    static boolean matches(String presented, byte[] expectedDigest) {
        return MessageDigest.isEqual(digest(presented), expectedDigest);
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static Set<PosixFilePermission> ownerOnly() {
        return EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
