package org.ringlab.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The property every fuzzed reader must hold: it returns a result or throws its own user-facing
 * exception with one printable line, within a few seconds; anything else (another exception
 * type, an Error such as OutOfMemoryError or StackOverflowError, a hang) fails the property.
 */
public final class ReaderOutcome {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** Longer messages are not something a person reads. */
    private static final int MAX_MESSAGE = 2_000;

    private ReaderOutcome() {
    }

    /** @return the reader's result, or null when it refused the input with an {@code allowed} exception */
    public static <T> T check(Callable<T> reader, Class<? extends Exception> allowed) {
        Throwable[] thrown = {null};
        T result = assertTimeoutPreemptively(LIMIT, () -> {
            try {
                return reader.call();
            } catch (Exception e) {
                thrown[0] = e;
                return null;
            }
        });
        Throwable t = thrown[0];
        if (t == null) {
            return result;
        }
        if (t.getClass() != allowed) {
            throw new AssertionError("expected " + allowed.getSimpleName() + " or a result, got " + t, t);
        }
        assertOneLine(t.getMessage());
        return null;
    }

    public static void assertOneLine(String message) {
        assertNotNull(message, "a refusal without a message");
        assertTrue(message.length() <= MAX_MESSAGE, () -> "message of " + message.length() + " characters");
        assertFalse(message.chars().anyMatch(c -> c < 0x20 || c == 0x7f),
                () -> "control characters (line breaks, escapes) in: " + message);
    }
}
