package org.ringlab.tables;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured pipe table; number columns are right-aligned. */
final class MarkdownTableWriter {
    private MarkdownTableWriter() {
    }

    static void write(Table table, Writer out) throws IOException {
        List<String> header = table.columns().stream().map(MarkdownTableWriter::escape).toList();
        out.write(line(header));
        List<String> separator = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            separator.add(Cells.isNumeric(table, c) ? "---:" : "---");
        }
        out.write(line(separator));
        for (var row : table.rows()) {
            out.write(line(row.stream().map(cell -> escape(Cells.text(cell))).toList()));
        }
        out.flush();
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** A pipe would end the cell, and a line break the row. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ');
    }
}
