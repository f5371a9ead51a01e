package org.ringlab.figures;

import static org.ringlab.figures.CsvCells.integer;
import static org.ringlab.figures.CsvCells.malformed;
import static org.ringlab.figures.CsvCells.number;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.StepMetrics;

/** steps.csv as RunRecorder writes it, parsed back into {@link StepMetrics}. */
final class StepColumns {
    private StepColumns() {
    }

    /** The rows in file order; none when the file is absent (a run recorded before it existed). */
    static List<StepMetrics> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        List<StepMetrics> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : RunRecorder.STEP_COLUMNS) {
                if (!header.containsKey(column)) {
                    throw new IOException(file + ": no column '" + column + "' in the header");
                }
            }
            for (CSVRecord row : parser) {
                if (!row.isConsistent()) {
                    throw malformed(row, file, "has " + row.size() + " cells, the header " + header.size());
                }
                rows.add(new StepMetrics(integer(row, "step", file), integer(row, "epoch", file),
                        integer(row, "step_in_epoch", file), integer(row, "steps_per_epoch", file),
                        number(row, "loss", file), number(row, "accuracy", file), number(row, "lr", file)));
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(file + ": malformed CSV: " + e.getMessage(), e);
        }
        return rows;
    }
}
