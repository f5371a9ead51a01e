package org.ringlab.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The settings table of docs/settings.md and the README, generated from {@link Settings} between
 * the markers {@value #START} and {@value #END}. {@code SettingsTableTest} fails when a checked-in
 * table differs; {@link #main} (or that test with {@code -Dringlab.regenerate=true}) rewrites them.
 */
public final class SettingsTable {
    public static final String START = "<!-- settings-table:start -->";
    public static final String END = "<!-- settings-table:end -->";
    /** The files that hold the table, relative to the repository root. */
    public static final List<String> FILES = List.of("docs/settings.md", "README.md");
    /** The command that rewrites them, as the failing test quotes it. */
    public static final String REGENERATE =
            "./mvnw -o -q test -Dtest=SettingsTableTest -Dringlab.regenerate=true";

    private SettingsTable() {
    }

    /** The Markdown table, one row per setting, in config.json order. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| flag (= JSON key) | group | type | default | range / choices | unit | used by | meaning |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Setting<?> s : Settings.all()) {
            String flag = s.isBoolean() ? "`--[no-]" + s.key() + "`" : "`--" + s.key() + "`";
            out.append("| ").append(flag)
                    .append(" | ").append(s.group().title().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(typeName(s))
                    .append(" | ").append(cell(s.showsDefault() ? s.defaultText() : ""))
                    .append(" | ").append(cell(s.rangeText()))
                    .append(" | ").append(cell(s.unit()))
                    .append(" | ").append(usedBy(s))
                    .append(" | ").append(cell(s.help()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String typeName(Setting<?> s) {
        Class<?> t = s.type();
        String name = t == Integer.class || t == Long.class ? "integer"
                : t == Double.class ? "number"
                : t == Boolean.class ? "boolean"
                : t == ScheduleSpec.class ? "schedule"
                : t.isEnum() ? "choice" : "text";
        return s.isNullable() ? name + " or null" : name;
    }

    private static String usedBy(Setting<?> s) {
        List<Method> methods = s.methods();
        if (methods.size() == Method.values().length) {
            return "all";
        }
        List<Method> others = new ArrayList<>(Arrays.asList(Method.values()));
        others.removeAll(methods);
        if (others.size() <= 2) {
            return "all but " + others.stream().map(m -> "`" + m.key() + "`").collect(Collectors.joining(", "));
        }
        return methods.stream().map(m -> "`" + m.key() + "`").collect(Collectors.joining(", "));
    }

    /** Markdown-safe cell text. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** {@code text} with the part between the markers replaced by the table. */
    public static String replaceTable(String text, String file) {
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(file + " has no " + START + " ... " + END + " block");
        }
        return text.substring(0, start + START.length()) + "\n" + markdown() + text.substring(end);
    }

    /** Rewrites the table in {@link #FILES} under {@code root} (default: the current folder). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        for (String name : FILES) {
            Path file = root.resolve(name);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.writeString(file, replaceTable(text, name), StandardCharsets.UTF_8);
        }
    }
}
