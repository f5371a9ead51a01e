package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ringlab.tables.Table;
import org.ringlab.tables.TableFormat;

/** What the table-writing commands (compare, export-data) share: --format, --digits and --out. */
final class TableOutput {
    private TableOutput() {
    }

    static TableFormat format(String text) {
        try {
            return TableFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("--format: " + e.getMessage());
        }
    }

    /** The table rounded for reading, or as it is when {@code digits} is null. */
    static Table rounded(Table table, Integer digits) {
        if (digits == null) {
            return table;
        }
        try {
            return table.rounded(digits);
        } catch (IllegalArgumentException e) {
            throw new UserError("--digits: " + e.getMessage());
        }
    }

    /** To {@code file}, saying so on standard output, or to standard output when it is null. */
    static void write(Table table, TableFormat format, Path file, PrintWriter stdout) {
        if (file == null) {
            try {
                format.write(table, stdout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            format.write(table, w);
        } catch (IOException e) {
            throw new UserError("--out " + file + ": cannot write: " + e.getMessage(), e);
        }
        stdout.printf("wrote %s (%d rows)%n", file, table.rows().size());
    }
}
