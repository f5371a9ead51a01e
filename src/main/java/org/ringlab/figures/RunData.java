package org.ringlab.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.StepMetrics;

/**
 * What a figure needs from a run directory: its configuration, one row of metrics per epoch, the
 * per-step records and the position snapshots, read once and immutable.
 *
 * @param label the run's name for legends ({@link RunLabel}): its configured name, else its method
 *     and bits
 * @param epochs metrics.csv in file order; empty cells (snapped accuracies of an FP32 run) are NaN
 * @param snapshots snapshots.jsonl in file order; empty when the run wrote none
 * @param steps steps.csv in file order; empty for a run recorded before steps.csv existed
 */
public record RunData(Path directory, String label, RunConfig config, List<EpochMetrics> epochs,
        List<PositionSnapshot> snapshots, List<StepMetrics> steps) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RunData {
        epochs = List.copyOf(epochs);
        snapshots = List.copyOf(snapshots);
        steps = List.copyOf(steps);
    }

    /** A run without per-step records. */
    public RunData(Path directory, String label, RunConfig config, List<EpochMetrics> epochs,
            List<PositionSnapshot> snapshots) {
        this(directory, label, config, epochs, snapshots, List.of());
    }

    /**
     * Reads config.json and metrics.csv (both required), snapshots.jsonl and steps.csv (optional: older or
     * interrupted runs may lack them).
     *
     * @throws IOException naming the file, and the line for a malformed row or snapshot
     */
    public static RunData read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "not a run directory");
        }
        RunConfig config = readConfig(directory.resolve(RunRecorder.CONFIG));
        List<EpochMetrics> epochs = readMetrics(directory.resolve(RunRecorder.METRICS));
        List<PositionSnapshot> snapshots = readSnapshots(directory.resolve(RunRecorder.SNAPSHOTS));
        List<StepMetrics> steps = StepColumns.read(directory.resolve(RunRecorder.STEPS));
        return new RunData(directory, RunLabel.of(config), config, epochs, snapshots, steps);
    }

    /** The same run under another legend name. */
    public RunData withLabel(String name) {
        return new RunData(directory, name, config, epochs, snapshots, steps);
    }

    /** A metrics.csv's rows. @throws IOException naming the file when it is missing or malformed */
    public static List<EpochMetrics> epochsIn(Path metricsCsv) throws IOException {
        return readMetrics(metricsCsv);
    }

    /** A snapshots.jsonl's snapshots; none when there is no such file. @throws IOException for a malformed line */
    public static List<PositionSnapshot> snapshotsIn(Path snapshotsJsonl) throws IOException {
        return readSnapshots(snapshotsJsonl);
    }

    /** A steps.csv's rows; none when there is no such file. @throws IOException for a malformed row */
    public static List<StepMetrics> stepsIn(Path stepsCsv) throws IOException {
        return StepColumns.read(stepsCsv);
    }

    /** Whether the run trained ring weights (an FP32 run has no positions to draw). */
    public boolean hasRing() {
        return config.usesRing();
    }

    private static RunConfig readConfig(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing: a run directory holds its config.json");
        }
        try {
            return RunConfigJson.read(file);
        } catch (InvalidConfigException e) {
            throw new IOException(String.join(" ", e.getMessage().lines().map(String::strip).toList()), e);
        }
    }

    private static List<EpochMetrics> readMetrics(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing: a run directory holds its metrics.csv");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        List<EpochMetrics> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : MetricsColumns.ALL) {
                if (!header.containsKey(column)) {
                    throw new IOException(file + ": no column '" + column + "' in the header");
                }
            }
            for (CSVRecord row : parser) {
                rows.add(MetricsColumns.parse(row, file));
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(file + ": malformed CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    private static List<PositionSnapshot> readSnapshots(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<PositionSnapshot> snapshots = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                snapshots.add(JSON.readValue(line, PositionSnapshot.class));
            } catch (JsonProcessingException e) {
                throw new IOException(file + " line " + (i + 1) + ": not a position snapshot: "
                        + e.getOriginalMessage(), e);
            }
        }
        return snapshots;
    }
}
