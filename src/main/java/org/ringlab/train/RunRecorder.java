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
import java.time.Instant;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ringlab.runstate.Owner;

/**
 * Writes a run directory as the run goes: {@code metrics.csv} (one row per epoch, flushed at once so
 * a crash loses nothing already measured), {@code snapshots.jsonl} (one position snapshot per line)
 * and {@code run.json} (status, timings and the owning process, rewritten atomically on every
 * status change; {@link org.ringlab.runstate.RecordedStatus} reads it back).
 */
public final class RunRecorder implements TrainingListener, Closeable {
    public static final String METRICS = "metrics.csv";
    public static final String SNAPSHOTS = "snapshots.jsonl";
    public static final String RUN_INFO = "run.json";
    public static final String CHECKPOINT = "checkpoint.params";
    public static final String CONFIG = "config.json";

    static final String[] COLUMNS = {"epoch", "step", "train_loss", "train_acc", "test_acc_soft", "test_acc_snapped",
        "test_acc_snapped_bn", "lr", "images_per_s", "seconds", "elapsed_s"};

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final CSVPrinter metrics;
    private final BufferedWriter snapshots;
    private final ObjectNode info = JSON.createObjectNode();

    public RunRecorder(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.metrics = new CSVPrinter(Files.newBufferedWriter(dir.resolve(METRICS), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS).setRecordSeparator('\n').build());
        this.metrics.flush();
        this.snapshots = Files.newBufferedWriter(dir.resolve(SNAPSHOTS), StandardCharsets.UTF_8);
        info.put("started", Instant.now().toString());
        // lets a reader tell a run still going from one whose process died without a word
        info.put("owner", Owner.current());
        info.put("status", RunStatus.PENDING.id());
        writeInfo();
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
    public void onEpoch(EpochMetrics m) {
        try {
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
        snapshots.close();
    }
}
