package org.ringlab.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.runstate.RecordedStatus;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunRecorder;

/** A selection of recorded runs (run directories read back from disk, or runs of a store), in the order given. */
public final class RunTable {
    private static final ObjectMapper SNAPSHOT_JSON = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String EPOCH = "epoch";
    private static final String STEP = "step";

    private final List<RecordedRun> runs;

    private RunTable(List<RecordedRun> runs) {
        this.runs = List.copyOf(runs);
    }

    /**
     * Reads config.json, metrics.csv and run.json of every directory, and bits.json where there is
     * one (else the last line of snapshots.jsonl, for a ring run's code entropy).
     *
     * @throws IOException naming the file that is missing or malformed
     * @throws IllegalArgumentException when no directory is given, or two share a name, since the
     *     name is what identifies a run in the tables
     */
    public static RunTable read(List<Path> directories) throws IOException {
        if (directories.isEmpty()) {
            throw new IllegalArgumentException("no run directory given");
        }
        List<RecordedRun> runs = new ArrayList<>();
        for (Path dir : directories) {
            runs.add(readRun(dir));
        }
        return of(runs);
    }

    /**
     * Runs already read (from their directories with {@link #readRun}, or from a run store).
     *
     * @throws IllegalArgumentException when none is given, or two share a name
     */
    public static RunTable of(List<RecordedRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no run directory given");
        }
        Set<String> names = new HashSet<>();
        for (RecordedRun run : runs) {
            if (!names.add(run.name())) {
                throw new IllegalArgumentException("two run directories are both named '" + run.name()
                        + "'; runs are told apart by their directory name");
            }
        }
        return new RunTable(runs);
    }

    public List<RecordedRun> runs() {
        return runs;
    }

    /**
     * One run directory, named by the directory's own name: config.json, metrics.csv and run.json,
     * and bits.json where there is one (else the last line of snapshots.jsonl).
     *
     * @throws IOException naming the file that is missing or malformed
     */
    public static RecordedRun readRun(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a run directory");
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        RunConfig config = readConfig(dir.resolve(RunRecorder.CONFIG));
        String status = RecordedStatus.read(dir.resolve(RunRecorder.RUN_INFO)).status();
        Path metricsFile = dir.resolve(RunRecorder.METRICS);
        List<String> metrics = new ArrayList<>();
        List<EpochRecord> epochs = readMetrics(metricsFile, metrics);
        RecordedBits bits = bits(dir, config, () -> lastSnapshot(dir.resolve(RunRecorder.SNAPSHOTS)));
        return new RecordedRun(name == null ? dir.toString() : name.toString(), dir, config, status, metrics, epochs,
                bits);
    }

    /**
     * A run whose epochs and snapshots were read elsewhere (a run store), under the name given; its
     * bits come from the bits.json in {@code dir} where there is one, as for a run directory.
     *
     * @param lastSnapshot the run's last position snapshot, or null
     * @throws IOException when its bits.json is malformed
     */
    public static RecordedRun recordedRun(String name, Path dir, RunConfig config, String status,
            List<EpochMetrics> epochs, PositionSnapshot lastSnapshot) throws IOException {
        List<EpochRecord> records = new ArrayList<>();
        for (EpochMetrics m : epochs) {
            records.add(EpochRecord.of(m));
        }
        return new RecordedRun(name, dir, config, status, EpochRecord.METRICS, records,
                bits(dir, config, () -> lastSnapshot));
    }

    @FunctionalInterface
    private interface SnapshotSource {
        PositionSnapshot last() throws IOException;
    }

    private static RecordedBits bits(Path dir, RunConfig config, SnapshotSource snapshot) throws IOException {
        Path bitsFile = dir.resolve(BitsFile.NAME);
        return Files.isRegularFile(bitsFile) ? BitsFile.read(bitsFile) : RecordedBits.fromConfig(config, snapshot.last());
    }

    /**
     * The last snapshot that reads, or null. A run killed while writing leaves a cut-off last
     * line; the one before it still describes the weights.
     */
    private static PositionSnapshot lastSnapshot(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                return SNAPSHOT_JSON.readValue(lines.get(i), PositionSnapshot.class);
            } catch (JsonProcessingException e) {
                // try the line before
            }
        }
        return null;
    }

    private static RunConfig readConfig(Path file) throws IOException {
        try {
            return RunConfigJson.read(file);
        } catch (InvalidConfigException e) {
            // its message already names the file, with one problem per line
            throw new IOException(String.join(" ", e.getMessage().strip().lines().map(String::strip).toList()), e);
        }
    }

    /** Fills {@code metrics} with the file's metric columns and returns its rows. */
    private static List<EpochRecord> readMetrics(Path file, List<String> metrics) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        List<EpochRecord> epochs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = format.parse(in)) {
            List<String> header = csv.getHeaderNames();
            if (!header.contains(EPOCH) || !header.contains(STEP)) {
                throw new IOException(file + ": the header needs the columns epoch and step, has " + header);
            }
            header.stream().filter(c -> !c.equals(EPOCH) && !c.equals(STEP)).forEach(metrics::add);
            for (CSVRecord row : csv) {
                if (!row.isConsistent()) {
                    throw new IOException(file + " line " + (row.getRecordNumber() + 1) + ": "
                            + row.size() + " cells for " + header.size() + " columns");
                }
                Map<String, Double> values = new LinkedHashMap<>();
                for (String metric : metrics) {
                    values.put(metric, number(file, row, metric, true));
                }
                epochs.add(new EpochRecord((int) number(file, row, EPOCH, false), (long) number(file, row, STEP, false),
                        values));
            }
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "the run has no metrics");
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            // commons-csv reports a broken header or quoting this way
            throw new IOException(file + ": malformed CSV: " + e.getMessage(), e);
        }
        return epochs;
    }

    private static double number(Path file, CSVRecord row, String column, boolean mayBeEmpty) throws IOException {
        String text = row.get(column).strip();
        if (text.isEmpty() && mayBeEmpty) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + (row.getRecordNumber() + 1) + ", column " + column
                    + ": '" + text + "' is not a number", e);
        }
    }
}
