package org.ringlab.sweep.slurm;

/** A Slurm tool is missing, failed or timed out; the message is one line for the user. */
public final class SlurmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SlurmException(String message) {
        super(message);
    }

    public SlurmException(String message, Throwable cause) {
        super(message, cause);
    }
}
