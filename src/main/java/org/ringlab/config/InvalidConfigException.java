package org.ringlab.config;

import java.util.List;

/**
 * A run configuration that cannot be used. The message is a heading followed by one indented
 * line per problem, ready to print; {@link #problems()} gives the lines for a UI to list.
 */
public final class InvalidConfigException extends RuntimeException {

    public static final String HEADING = "Invalid run configuration:";

    private final List<String> problems;

    /** Problems with the values themselves, under {@link #HEADING}. */
    public InvalidConfigException(List<String> problems) {
        this(HEADING, problems);
    }

    /** Problems under a different heading, e.g. one naming the config file that holds them. */
    public InvalidConfigException(String heading, List<String> problems) {
        super(heading + formatLines(problems));
        this.problems = List.copyOf(problems);
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
