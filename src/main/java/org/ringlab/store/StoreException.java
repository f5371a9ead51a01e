package org.ringlab.store;

/**
 * A run store that cannot be opened, read or written. The message alone says which file and what
 * is wrong, and what to do where there is something to do (no stack trace needed to act on it).
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
