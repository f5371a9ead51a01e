package org.ringlab.cli;

/** A problem with what the user asked for (a flag, a file, a configuration): exit code 2, one line. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
