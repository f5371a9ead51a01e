package org.ringlab.cli;

import java.util.List;
import org.ringlab.config.InvalidConfigException;

/** A problem with what the user asked for (a flag, a file, a configuration): exit code 2, one line. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An invalid configuration on one line: the exception's heading, then its problems separated
     * by "; " (its own message puts each problem on a line of its own). The exception is not kept
     * as the cause, since the error handler would append its multi-line message again.
     */
    static UserError of(InvalidConfigException e) {
        String heading = e.getMessage().lines().findFirst().orElse(InvalidConfigException.HEADING).strip();
        if (heading.endsWith(":")) {
            heading = heading.substring(0, heading.length() - 1);
        }
        List<String> problems = e.problems();
        return new UserError(problems.isEmpty() ? heading : heading + ": " + String.join("; ", problems));
    }
}
