package org.ringlab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunNames;
import org.ringlab.figures.RunData;
import org.ringlab.figures.RunLabel;
import org.ringlab.tables.RecordedRun;
import org.ringlab.tables.RunTable;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.StepMetrics;

/**
 * Runs read back for figures and tables, whether they are run directories or runs of a workspace.
 * A workspace run is named by its name in the store, never by its id, and read from its folder's
 * metrics.csv, steps.csv and snapshots.jsonl where it has them, else from the store (a run recorded
 * before the folder held them). Its status comes from the store.
 */
public final class RecordedRuns {
    private final Map<Path, RunStore> stores = new HashMap<>();

    private RecordedRuns() {
    }

    /** What the figures draw, in the order given. @throws IOException naming the run and the file or problem */
    public static List<RunData> figureData(List<RunRef> refs) throws IOException {
        RecordedRuns reader = new RecordedRuns();
        try {
            List<RunData> runs = new ArrayList<>();
            for (RunRef ref : refs) {
                runs.add(reader.runData(ref, true));
            }
            return runs;
        } finally {
            reader.close();
        }
    }

    /**
     * The runs as the tables need them, in the order given, each under a name of its own: a run
     * directory's name, a workspace run's name in the store (with its seed, or failing that its id,
     * added where two of the selection share one).
     *
     * @throws IOException naming the run and the file or problem
     * @throws IllegalArgumentException when no run is given, or two run directories share a name
     */
    public static RunTable table(List<RunRef> refs) throws IOException {
        RecordedRuns reader = new RecordedRuns();
        try {
            List<RunRef> stored = refs.stream().filter(RunRef::inWorkspace).toList();
            Map<RunRef, String> names = new LinkedHashMap<>();
            Map<RunRef, StoredRun> loaded = new HashMap<>();
            for (RunRef ref : stored) {
                StoredRun run = reader.load(ref, false);
                loaded.put(ref, run);
                names.put(ref, run.name());
            }
            uniqueNames(names, loaded);
            List<RecordedRun> runs = new ArrayList<>();
            for (RunRef ref : refs) {
                if (!ref.inWorkspace()) {
                    runs.add(RunTable.readRun(ref.folder()));
                    continue;
                }
                StoredRun run = loaded.get(ref);
                RunData data = reader.runData(ref, run, false);
                List<PositionSnapshot> snapshots = data.snapshots();
                runs.add(RunTable.recordedRun(names.get(ref), ref.folder(), data.config(), run.status().id(),
                        data.epochs(), snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1)));
            }
            return RunTable.of(runs);
        } finally {
            reader.close();
        }
    }

    /**
     * The legend's name of a stored run: the name it was given, else (the store's default "model
     * method") its method and bits, as for a run directory.
     */
    static String label(StoredRun run) {
        String name = run.name();
        if (name == null || name.isBlank() || name.equals(RunNames.storeName(run.config()))) {
            return RunLabel.of(run.config());
        }
        return name.strip();
    }

    private static void uniqueNames(Map<RunRef, String> names, Map<RunRef, StoredRun> runs) {
        for (int pass = 0; pass < 2; pass++) {
            Map<String, Integer> counts = new HashMap<>();
            names.values().forEach(n -> counts.merge(n, 1, Integer::sum));
            for (Map.Entry<RunRef, String> e : names.entrySet()) {
                if (counts.get(e.getValue()) > 1) {
                    RunRef ref = e.getKey();
                    e.setValue(pass == 0 ? e.getValue() + " seed " + runs.get(ref).config().seed()
                            : e.getValue() + " (run " + ref.id() + ")");
                }
            }
        }
    }

    private RunData runData(RunRef ref, boolean withSteps) throws IOException {
        if (!ref.inWorkspace()) {
            return RunData.read(ref.folder());
        }
        return runData(ref, load(ref, withSteps), withSteps);
    }

    /** From the run's folder files where it has them, else from the store. */
    private RunData runData(RunRef ref, StoredRun run, boolean withSteps) throws IOException {
        Path dir = ref.folder();
        RunConfig config = run.config();
        Path metrics = dir.resolve(RunRecorder.METRICS);
        List<EpochMetrics> epochs = Files.isRegularFile(metrics) ? RunData.epochsIn(metrics) : run.epochs();
        Path snapshotFile = dir.resolve(RunRecorder.SNAPSHOTS);
        List<PositionSnapshot> snapshots = Files.isRegularFile(snapshotFile) ? RunData.snapshotsIn(snapshotFile)
                : run.snapshots();
        List<StepMetrics> steps = List.of();
        if (withSteps) {
            Path stepFile = dir.resolve(RunRecorder.STEPS);
            steps = Files.isRegularFile(stepFile) ? RunData.stepsIn(stepFile) : run.steps();
        }
        return new RunData(dir, label(run), config, epochs, snapshots, steps);
    }

    /** The stored run; with {@code steps} false, only its last step (the tables need none). */
    private StoredRun load(RunRef ref, boolean steps) throws IOException {
        Path db = ref.workspace().resolve(RunStore.DATABASE);
        if (!Files.isRegularFile(db)) {
            throw new IOException(ref.workspace() + ": not a workspace (it holds no " + RunStore.DATABASE + ")");
        }
        try {
            RunStore store = stores.computeIfAbsent(ref.workspace().toAbsolutePath().normalize(), RunStore::open);
            return store.load(ref.id(), steps ? Integer.MAX_VALUE : 1);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void close() {
        stores.values().forEach(RunStore::close);
    }
}
