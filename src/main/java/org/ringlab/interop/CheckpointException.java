package org.ringlab.interop;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint that cannot be read, or that RingLab refuses to read; the message names the file. */
public final class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(Path file, String message) {
        super(file + ": " + message);
    }

    public CheckpointException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
