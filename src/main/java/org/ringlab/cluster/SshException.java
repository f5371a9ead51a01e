package org.ringlab.cluster;

/** The connection or a remote command failed; the message is one line a user can act on. */
public final class SshException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SshException(String message) {
        super(message);
    }

    public SshException(String message, Throwable cause) {
        super(message, cause);
    }
}
