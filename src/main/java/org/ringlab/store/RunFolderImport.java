package org.ringlab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.ringlab.figures.RunData;
import org.ringlab.train.BitsReport;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;

/**
 * Brings a run folder (config.json, metrics.csv, snapshots.jsonl, as {@code ringlab train} or a
 * Slurm task writes them) into a workspace's run store, once: the store run remembers the folder it
 * came from ({@value #SOURCE} in its own folder), and importing the same folder again appends only
 * the epochs and snapshots recorded since and updates the status. This is how results written on a
 * cluster's shared filesystem reach a store without several nodes writing one SQLite file.
 */
public final class RunFolderImport {
    /** In the store run's folder: the absolute path of the run folder it was imported from. */
    public static final String SOURCE = "imported-from";

    /** What an import did. */
    public enum Change {
        IMPORTED, UPDATED, UNCHANGED
    }

    /**
     * @param id the run's id in the store
     * @param epochs the epochs the store now holds for it
     * @param added epochs added by this import
     */
    public record Result(long id, String name, Change change, int epochs, int added, RunStatus status) {
    }

    private final RunStore store;

    public RunFolderImport(RunStore store) {
        this.store = store;
    }

    /**
     * Imports or updates one run folder.
     *
     * @param status the status to record (the caller knows best: run.json, or what Slurm says)
     * @param message its message
     * @param where who trains it while it is not ended (e.g. "slurm job 12_3"); null for this process's
     *     store to treat it as it treats its own runs
     * @throws IOException naming the file when the folder is not a readable run folder
     */
    public Result importRun(Path runDir, RunStatus status, String message, String where) throws IOException {
        Path source = runDir.toAbsolutePath().normalize();
        RunData data = RunData.read(source);
        Long existing = find(source);
        long id;
        Change change;
        int storedEpochs;
        int lastSnapshotStep;
        RunStatus storedStatus = null;
        String storedMessage = null;
        if (existing == null) {
            id = store.createRun(data.config(), nameOf(data), data.config().device().key());
            writeSource(id, source);
            storedEpochs = 0;
            lastSnapshotStep = -1;
            change = Change.IMPORTED;
        } else {
            id = existing;
            StoredRun stored = store.load(id, 0);
            storedEpochs = stored.epochs().stream().mapToInt(EpochMetrics::epoch).max().orElse(0);
            lastSnapshotStep = stored.snapshots().stream().mapToInt(PositionSnapshot::step).max().orElse(-1);
            storedStatus = stored.status();
            storedMessage = stored.statusMessage();
            change = Change.UNCHANGED;
        }
        List<EpochMetrics> newEpochs = data.epochs().stream().filter(e -> e.epoch() > storedEpochs).toList();
        int snapshotFloor = lastSnapshotStep;
        List<PositionSnapshot> newSnapshots = data.snapshots().stream().filter(p -> p.step() > snapshotFloor).toList();
        if (!newEpochs.isEmpty() || !newSnapshots.isEmpty()) {
            try (StoreRecorder recorder = store.recorder(id)) {
                newSnapshots.forEach(recorder::onSnapshot);
                recorder.flush();
                newEpochs.forEach(recorder::onEpoch);
            }
            change = change == Change.UNCHANGED ? Change.UPDATED : change;
        }
        String text = message == null ? "" : message;
        if (status != storedStatus || !text.equals(storedMessage)) {
            if (where != null && !status.isTerminal()) {
                store.updateStatusElsewhere(id, status, text, where);
            } else {
                store.updateStatus(id, status, text);
            }
            change = change == Change.UNCHANGED ? Change.UPDATED : change;
        }
        if (status == RunStatus.FINISHED) {
            // the final parameters and bit accounting, so eval --run and the bits views work on it
            copyIfNewer(source.resolve(RunRecorder.CHECKPOINT), store.runDirectory(id).resolve(RunRecorder.CHECKPOINT));
            copyIfNewer(source.resolve(BitsReport.FILE), store.runDirectory(id).resolve(BitsReport.FILE));
        }
        int epochs = Math.max(storedEpochs, newEpochs.stream().mapToInt(EpochMetrics::epoch).max().orElse(0));
        return new Result(id, nameOf(data), change, epochs, newEpochs.size(), status);
    }

    /** The store run imported from {@code source}, or null. */
    private Long find(Path source) throws IOException {
        Path runs = store.workspace().resolve("runs");
        if (!Files.isDirectory(runs)) {
            return null;
        }
        String wanted = source.toString();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs)) {
            for (Path dir : dirs) {
                Path marker = dir.resolve(SOURCE);
                if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(wanted)) {
                    try {
                        long id = Long.parseLong(dir.getFileName().toString());
                        store.status(id); // still in the database (not deleted meanwhile)
                        return id;
                    } catch (NumberFormatException | StoreException e) {
                        // a stray folder: not a run of this store
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return null;
    }

    private void writeSource(long id, Path source) throws IOException {
        Files.writeString(store.runDirectory(id).resolve(SOURCE), source + "\n", StandardCharsets.UTF_8);
    }

    private static void copyIfNewer(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from) && (!Files.exists(to)
                || Files.getLastModifiedTime(from).compareTo(Files.getLastModifiedTime(to)) > 0)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * The run's configured name, else its folder's name: the runs of one sweep share a method label,
     * their folders tell them apart.
     */
    private static String nameOf(RunData data) {
        String name = data.config().name();
        return name != null && !name.isBlank() ? name : data.directory().getFileName().toString();
    }
}
