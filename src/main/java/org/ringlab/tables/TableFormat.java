package org.ringlab.tables;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a {@link Table} can be written in. */
public enum TableFormat {
    CSV, JSON, MARKDOWN, LATEX;

    /** Case-insensitive lookup by {@link #id()}. */
    public static TableFormat parse(String text) {
        for (TableFormat f : values()) {
            if (f.id().equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "'; valid: " + validIds());
    }

    public static String validIds() {
        return Arrays.stream(values()).map(TableFormat::id).collect(Collectors.joining(", "));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Writes the table and flushes; the writer stays open. */
    public void write(Table table, Writer out) throws IOException {
        switch (this) {
            case CSV -> CsvTableWriter.write(table, out);
            case JSON -> JsonTableWriter.write(table, out);
            case MARKDOWN -> MarkdownTableWriter.write(table, out);
            case LATEX -> LatexTableWriter.write(table, out);
        }
    }
}
