package org.ringlab.tables;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A booktabs {@code tabular} (needs the booktabs package), to be wrapped in the paper's own
 * table environment; number columns are right-aligned.
 */
final class LatexTableWriter {
    private LatexTableWriter() {
    }

    static void write(Table table, Writer out) throws IOException {
        StringBuilder spec = new StringBuilder();
        for (int c = 0; c < table.columns().size(); c++) {
            spec.append(Cells.isNumeric(table, c) ? 'r' : 'l');
        }
        out.write("\\begin{tabular}{" + spec + "}\n");
        out.write("\\toprule\n");
        out.write(line(table.columns().stream().map(LatexTableWriter::escape).toList()));
        out.write("\\midrule\n");
        for (var row : table.rows()) {
            out.write(line(row.stream().map(cell -> escape(Cells.text(cell))).toList()));
        }
        out.write("\\bottomrule\n");
        out.write("\\end{tabular}\n");
        out.flush();
    }

    private static String line(List<String> cells) {
        return String.join(" & ", cells) + " \\\\\n";
    }

    /** Escapes the characters LaTeX treats as commands, and writes ± and σ in math mode. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> b.append('\\').append(ch);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                case '±' -> b.append("$\\pm$");
                case 'σ' -> b.append("$\\sigma$");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
