package org.ringlab.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ringlab.runstate.Owner;

/**
 * Writes a run directory as the run goes: {@code metrics.csv} (one row per epoch, flushed at once so
 * a crash loses nothing already measured), {@code steps.csv} (one row per optimisation step, for
 * per-step curves; flushed with each epoch), {@code snapshots.jsonl} (one position snapshot per line)
 * and {@code run.json} (status, timings and the owning process, rewritten atomically on every
 * status change; {@link org.ringlab.runstate.RecordedStatus} reads it back).
 */
public final class RunRecorder implements TrainingListener, Closeable {
    public static final String METRICS = "metrics.csv";
    public static final String STEPS = "steps.csv";
    public static final String SNAPSHOTS = "snapshots.jsonl";
    public static final String RUN_INFO = "run.json";
    public static final String CHECKPOINT = "checkpoint.params";
    public static final String CONFIG = "config.json";

    static final String[] COLUMNS = {"epoch", "step", "train_loss", "train_acc", "test_acc_soft", "test_acc_snapped",
        "test_acc_snapped_bn", "lr", "images_per_s", "seconds", "elapsed_s"};
    /** The columns of steps.csv: a {@link StepMetrics} per row. */
    public static final java.util.List<String> STEP_COLUMNS = java.util.List.of("step", "epoch", "step_in_epoch",
            "steps_per_epoch", "loss", "accuracy", "lr");

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final CSVPrinter metrics;
    private final CSVPrinter steps;
    private final BufferedWriter snapshots;
    private final ObjectNode info = JSON.createObjectNode();

    public RunRecorder(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.metrics = new CSVPrinter(Files.newBufferedWriter(dir.resolve(METRICS), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS).setRecordSeparator('\n').build());
        this.metrics.flush();
        this.steps = new CSVPrinter(Files.newBufferedWriter(dir.resolve(STEPS), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(STEP_COLUMNS.toArray(String[]::new)).setRecordSeparator('\n')
                        .build());
        this.steps.flush();
        this.snapshots = Files.newBufferedWriter(dir.resolve(SNAPSHOTS), StandardCharsets.UTF_8);
        info.put("started", Instant.now().toString());
        // lets a reader tell a run still going from one whose process died without a word
        info.put("owner", Owner.current());
        info.put("status", RunStatus.PENDING.id());
        writeInfo();
    }

    private RunRecorder(Path dir, int epochsDone, int steps) throws IOException {
        this.dir = dir;
        // drop what was recorded after the checkpoint (a half-done epoch's snapshots), so that the
        // resumed run appends to a continuous history
        keepLines(dir.resolve(METRICS), true, line -> leadingInt(line) <= epochsDone);
        keepLines(dir.resolve(SNAPSHOTS), false, line -> JSON.readTree(line).path("step").asInt() <= steps);
        keepLines(dir.resolve(STEPS), true, line -> leadingInt(line) <= steps);
        boolean hadSteps = Files.isRegularFile(dir.resolve(STEPS));
        this.metrics = new CSVPrinter(Files.newBufferedWriter(dir.resolve(METRICS), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND), CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
        // a run recorded before steps.csv existed gets one from the resume on, with its header
        CSVFormat stepFormat = hadSteps ? CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build()
                : CSVFormat.DEFAULT.builder().setHeader(STEP_COLUMNS.toArray(String[]::new))
                        .setRecordSeparator('\n').build();
        this.steps = new CSVPrinter(Files.newBufferedWriter(dir.resolve(STEPS), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), stepFormat);
        this.snapshots = Files.newBufferedWriter(dir.resolve(SNAPSHOTS), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path runInfo = dir.resolve(RUN_INFO);
        if (Files.isRegularFile(runInfo)) {
            try {
                if (JSON.readTree(runInfo.toFile()) instanceof ObjectNode previous) {
                    info.setAll(previous);
                }
            } catch (IOException e) {
                // a damaged run.json is rewritten from here on; the metrics are what matters
            }
        }
        info.remove("ended");
        info.put("resumed", info.path("resumed").asInt() + 1);
        info.put("status", RunStatus.PENDING.id());
        writeInfo();
    }

    /**
     * Continues recording into a run directory whose run stopped after a resumable checkpoint at
     * {@code epochsDone} epochs and {@code steps} steps: rows and snapshots after it are dropped,
     * later ones appended, run.json keeps its start time and info lines.
     *
     * @throws IOException when metrics.csv is missing or a line cannot be read
     */
    public static RunRecorder resuming(Path dir, int epochsDone, int steps) throws IOException {
        if (!Files.isRegularFile(dir.resolve(METRICS))) {
            throw new IOException(dir.resolve(METRICS) + ": missing, cannot resume the run's record");
        }
        return new RunRecorder(dir, epochsDone, steps);
    }

    @FunctionalInterface
    private interface LineFilter {
        boolean keep(String line) throws IOException;
    }

    private static void keepLines(Path file, boolean header, LineFilter filter) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        java.util.List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            try {
                if ((header && i == 0) || (!line.isBlank() && filter.keep(line))) {
                    kept.add(line);
                }
            } catch (IOException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int leadingInt(String csvLine) throws IOException {
        String first = csvLine.split(",", 2)[0].strip();
        try {
            return Integer.parseInt(first);
        } catch (NumberFormatException e) {
            throw new IOException("not an epoch number: '" + first + "'", e);
        }
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void onStatus(RunStatus status, String message) {
        info.put("status", status.id());
        info.put("message", message);
        if (status.isTerminal()) {
            info.put("ended", Instant.now().toString());
        }
        writeInfo();
    }

    @Override
    public void onInfo(String message) {
        info.withArray("info").add(message);
    }

    @Override
    public void onStep(StepMetrics m) {
        try {
            steps.printRecord(m.step(), m.epoch(), m.stepInEpoch(), m.stepsPerEpoch(), fmt(m.loss()),
                    fmt(m.accuracy()), fmt(m.lr()));
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(STEPS) + ": cannot write step metrics", e);
        }
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        try {
            steps.flush();
            metrics.printRecord(m.epoch(), m.step(), fmt(m.trainLoss()), fmt(m.trainAcc()), fmt(m.testAccSoft()),
                    fmt(m.testAccSnapped()), fmt(m.testAccSnappedBn()), fmt(m.lr()), fmt(m.imagesPerSecond()),
                    fmt(m.seconds()), fmt(m.elapsedSeconds()));
            metrics.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(METRICS) + ": cannot write metrics", e);
        }
    }

    @Override
    public void onSnapshot(PositionSnapshot snapshot) {
        try {
            snapshots.write(JSON.writeValueAsString(snapshot));
            snapshots.newLine();
            snapshots.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(SNAPSHOTS) + ": cannot write snapshot", e);
        }
    }

    /** Empty for values that do not apply (NaN), so spreadsheets and pandas read them as missing. */
    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private void writeInfo() {
        try {
            Path tmp = dir.resolve(RUN_INFO + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(info));
            Files.move(tmp, dir.resolve(RUN_INFO), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(RUN_INFO) + ": cannot write run info", e);
        }
    }

    @Override
    public void close() throws IOException {
        metrics.close();
        steps.close();
        snapshots.close();
    }
}
