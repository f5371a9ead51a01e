package org.ringlab.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ringlab.train.RunRecorder;

/** Reads what a run directory holds. */
final class RunFiles {
    private RunFiles() {
    }

    record Metrics(List<String> header, List<CSVRecord> rows) {
    }

    static Metrics metrics(Path run) throws IOException {
        try (Reader in = Files.newBufferedReader(run.resolve(RunRecorder.METRICS));
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            return new Metrics(csv.getHeaderNames(), csv.getRecords());
        }
    }
}
