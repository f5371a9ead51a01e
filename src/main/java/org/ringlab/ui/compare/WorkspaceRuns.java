package org.ringlab.ui.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringlab.store.RunStore;
import org.ringlab.store.RunSummary;
import org.ringlab.store.StoredRun;
import org.ringlab.tables.BitsFile;
import org.ringlab.tables.EpochRecord;
import org.ringlab.tables.RecordedBits;
import org.ringlab.tables.RecordedRun;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;

/**
 * Every run of the workspace's store, past and present, as the comparison reads runs: whatever
 * launch of the window (or {@code ringlab train --workspace}) recorded it. Its epochs come from the
 * store, so a run folder without metrics.csv still compares. Every method reads the database:
 * call it off the JavaFX thread.
 */
public final class WorkspaceRuns {
    /** The metric columns of metrics.csv, epoch and step excluded, in file order. */
    static final List<String> METRICS = List.of("train_loss", "train_acc", "test_acc_soft", "test_acc_snapped",
            "test_acc_snapped_bn", "lr", "images_per_s", "seconds", "elapsed_s");

    private final RunStore store;
    /**
     * Each run as last read, with the summary it was read at: a run is loaded again (its snapshots
     * included, for the code entropy) only when it changed, not whenever another one records an epoch.
     */
    private final Map<Long, Read> reads = new java.util.HashMap<>();

    private record Read(String at, RecordedRun run) {
    }

    public WorkspaceRuns(RunStore store) {
        this.store = store;
    }

    /**
     * What changes when a run is added, deleted, ends or records an epoch: the comparison is read
     * again only when this differs from the last time.
     */
    public String version() {
        StringBuilder key = new StringBuilder();
        for (RunSummary s : store.listRuns()) {
            key.append(s.id()).append(' ').append(s.status()).append(' ').append(s.epochsDone()).append(';');
        }
        return key.toString();
    }

    /**
     * The runs worth a row, oldest first: every readable run but those still waiting in a queue
     * (they have nothing to show). A run that cannot be read is left out and named in {@code skipped}.
     */
    public synchronized List<RecordedRun> read(List<String> skipped) {
        List<RecordedRun> runs = new ArrayList<>();
        java.util.Set<Long> live = new java.util.HashSet<>();
        List<RunSummary> summaries = new ArrayList<>(store.listRuns());
        java.util.Collections.reverse(summaries); // the store lists newest first
        for (RunSummary s : summaries) {
            if (!s.isReadable()) {
                skipped.add("run " + s.id() + ": " + s.unreadable());
                continue;
            }
            if (s.status() == RunStatus.PENDING) {
                continue;
            }
            // bits.json is written as the run ends, possibly after its status
            String at = s.status() + " " + s.epochsDone() + " " + s.name() + " "
                    + modified(store.runDirectory(s.id()).resolve(BitsFile.NAME));
            Read read = reads.get(s.id());
            if (read == null || !read.at().equals(at)) {
                try {
                    read = new Read(at, recorded(store.load(s.id(), 1)));
                } catch (IOException | RuntimeException e) {
                    skipped.add("run " + s.id() + ": " + e.getMessage());
                    continue;
                }
                reads.put(s.id(), read);
            }
            live.add(s.id());
            runs.add(read.run());
        }
        reads.keySet().retainAll(live); // deleted runs
        return runs;
    }

    /** One stored run as a comparison row reads it; its bits from its folder's bits.json where there is one. */
    static RecordedRun recorded(StoredRun run) throws IOException {
        List<EpochRecord> epochs = new ArrayList<>();
        for (EpochMetrics e : run.epochs()) {
            Map<String, Double> values = new LinkedHashMap<>();
            double[] v = {e.trainLoss(), e.trainAcc(), e.testAccSoft(), e.testAccSnapped(), e.testAccSnappedBn(),
                e.lr(), e.imagesPerSecond(), e.seconds(), e.elapsedSeconds()};
            for (int i = 0; i < v.length; i++) {
                values.put(METRICS.get(i), v[i]);
            }
            epochs.add(new EpochRecord(e.epoch(), e.step(), values));
        }
        Path bitsFile = run.directory() == null ? null : run.directory().resolve(BitsFile.NAME);
        List<PositionSnapshot> snapshots = run.snapshots();
        RecordedBits bits = bitsFile != null && Files.isRegularFile(bitsFile) ? BitsFile.read(bitsFile)
                : RecordedBits.fromConfig(run.config(), snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1));
        String name = run.name() == null || run.name().isBlank() ? "run " + run.id() : run.name();
        return new RecordedRun(name, run.directory(), run.config(), run.status().id(), METRICS, epochs, bits);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }
}
