package org.ringlab.config;

import java.util.List;
import org.ringlab.io.Printable;

/**
 * A run configuration that cannot be used. The message is a heading followed by one indented
 * line per problem, ready to print; {@link #problems()} gives the lines for a UI to list.
 */
public final class InvalidConfigException extends RuntimeException {

    public static final String HEADING = "Invalid run configuration:";
    /**
     * A problem line quotes the configuration (a key, a value), which may hold line breaks or be
     * megabytes long; lines are made printable and cut here. The list of valid keys is about 1,100.
     */
    private static final int MAX_PROBLEM = 2_000;

    private final List<String> problems;

    /** Problems with the values themselves, under {@link #HEADING}. */
    public InvalidConfigException(List<String> problems) {
        this(HEADING, problems);
    }

    /** Problems under a different heading, e.g. one naming the config file that holds them. */
    public InvalidConfigException(String heading, List<String> problems) {
        this(heading, problems.stream().map(p -> Printable.shown(p, MAX_PROBLEM)).toList(), true);
    }

    private InvalidConfigException(String heading, List<String> printable, boolean unused) {
        super(heading + formatLines(printable));
        this.problems = printable;
    }

    public List<String> problems() {
        return problems;
    }

    private static String formatLines(List<String> problems) {
        StringBuilder lines = new StringBuilder();
        for (String problem : problems) {
            lines.append("\n  ").append(problem);
        }
        return lines.toString();
    }
}
