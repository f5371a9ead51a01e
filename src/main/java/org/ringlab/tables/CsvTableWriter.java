package org.ringlab.tables;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV with a header row; empty cells for missing values, which pandas reads as NaN. */
final class CsvTableWriter {
    private CsvTableWriter() {
    }

    static void write(Table table, Writer out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(table.columns().toArray(String[]::new))
                .setRecordSeparator('\n').build();
        CSVPrinter csv = new CSVPrinter(out, format);
        for (var row : table.rows()) {
            csv.printRecord(row.stream().map(Cells::text));
        }
        csv.flush();
    }
}
