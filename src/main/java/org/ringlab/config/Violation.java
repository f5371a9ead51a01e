package org.ringlab.config;

/**
 * One broken rule of a run configuration: the setting's key, the offending value as text and the
 * rule. {@link #toString()} is the one-line form the CLI prints ("lr -0.1: must be &gt; 0").
 *
 * @param key the setting's key (a {@link Settings} key), which the window uses to mark its field
 * @param value the value as shown, or null when the line names no value
 */
public record Violation(String key, String value, String message) {

    @Override
    public String toString() {
        if (key.isEmpty()) {
            return message;
        }
        return value == null ? key + ": " + message : key + " " + value + ": " + message;
    }

    /**
     * A violation from a line already in the {@code "key value: rule"} form (a probe's machine limits,
     * a parser's message): the key is the longest setting key the line starts with.
     */
    public static Violation fromLine(String line) {
        String best = null;
        for (Setting<?> s : Settings.all()) {
            String k = s.key();
            if ((line.startsWith(k + " ") || line.startsWith(k + ":")) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        if (best == null) {
            return new Violation("", null, line);
        }
        String rest = line.substring(best.length());
        if (rest.startsWith(":")) {
            return new Violation(best, null, rest.substring(1).strip());
        }
        int colon = rest.indexOf(": ");
        return colon < 0 ? new Violation(best, null, rest.strip())
                : new Violation(best, rest.substring(1, colon), rest.substring(colon + 2));
    }
}
