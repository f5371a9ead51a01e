package org.ringlab.figures;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVRecord;

/** Reading one cell of a run folder's CSV files (metrics.csv, steps.csv), with a message naming the file and line. */
final class CsvCells {
    private CsvCells() {
    }

    static int integer(CSVRecord row, String column, Path file) throws IOException {
        String cell = row.get(column).strip();
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw malformed(row, file, column + " '" + cell + "' is not a whole number");
        }
    }

    /** Empty means "does not apply" (RunRecorder writes NaN that way). */
    static double number(CSVRecord row, String column, Path file) throws IOException {
        String cell = row.get(column).strip();
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw malformed(row, file, column + " '" + cell + "' is not a number");
        }
    }

    static IOException malformed(CSVRecord row, Path file, String problem) {
        // the header is line 1, so record n sits on line n + 1
        return new IOException(file + " line " + (row.getRecordNumber() + 1) + ": " + problem);
    }
}
