package org.ringlab.service;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.store.RunLock;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoredRun;
import org.ringlab.store.StoredTraining;
import org.ringlab.train.DataSetProbe;
import org.ringlab.train.Failures;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/**
 * Trains in this process, one run at a time per device kind (a CPU run may train beside a GPU
 * run), in the order of one shared, editable queue. Every run is recorded in the workspace's run
 * store (so it outlives this process and can be resumed) and, as files, in its folder there
 * exactly as {@code ringlab train} records it.
 */
public final class InProcessTrainingService implements TrainingService {
    private final Path workspace;
    private final Map<DeviceInfo.Kind, ExecutorService> lanes = new EnumMap<>(DeviceInfo.Kind.class);
    private final List<InProcessRun> runs = new CopyOnWriteArrayList<>();
    /** Waiting runs of every lane in start order; guarded by this. */
    private final List<InProcessRun> queue = new ArrayList<>();
    /** Grows with every change of the queue; guarded by this. */
    private long queueVersion;
    private final List<Runnable> queueListeners = new CopyOnWriteArrayList<>();
    private final RunStore store;
    private final DataCache data = new DataCache();
    private volatile Integer gpuCount;

    /**
     * Opens (or creates) the workspace's run store and marks the runs a dead process left
     * unfinished as interrupted.
     *
     * @throws org.ringlab.store.StoreException naming the file when the store cannot be used
     */
    public InProcessTrainingService(Path workspace) {
        this.workspace = workspace;
        this.store = RunStore.open(workspace);
        store.markAbandonedRunsInterrupted();
        for (DeviceInfo.Kind kind : DeviceInfo.Kind.values()) {
            lanes.put(kind, Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ringlab-training-" + kind.key());
                t.setDaemon(true);
                return t;
            }));
        }
    }

    public Path workspace() {
        return workspace;
    }

    @Override
    public RunHandle submit(RunConfig config) {
        return submit(config, null);
    }

    /**
     * Like {@link #submit(RunConfig)}, with a listener that is attached before the run can start,
     * so that it sees every event of the run (a worker relays them all this way).
     */
    public RunHandle submit(RunConfig config, TrainingListener firstListener) {
        config.validateOrThrow(new DataSetProbe());
        DeviceInfo.Kind lane = laneOf(config);
        long storeId = store.createRun(config, null, lane.key());
        InProcessRun run = new InProcessRun(Long.toString(storeId), config, store.runDirectory(storeId), lane,
                this::dequeue);
        run.holding(store.lock(storeId));
        if (firstListener != null) {
            run.addListener(firstListener);
        }
        return enqueue(run);
    }

    private RunHandle enqueue(InProcessRun run) {
        DeviceInfo.Kind lane = run.lane();
        runs.removeIf(r -> r.id().equals(run.id()));
        runs.add(run);
        synchronized (this) {
            queue.add(run);
            queueVersion++;
        }
        lanes.get(lane).execute(() -> runNext(lane)); // execute: a failure is reported, not kept in an unread Future
        fireQueueChanged();
        return run;
    }

    private DeviceInfo.Kind laneOf(RunConfig config) {
        return switch (config.device()) {
            case CPU -> DeviceInfo.Kind.CPU;
            case GPU -> DeviceInfo.Kind.GPU;
            case AUTO -> gpuCount() > 0 ? DeviceInfo.Kind.GPU : DeviceInfo.Kind.CPU;
        };
    }

    private int gpuCount() {
        Integer n = gpuCount;
        if (n == null) {
            n = Engine.getInstance().getGpuCount();
            gpuCount = n;
        }
        return n;
    }

    /** One task per submitted run: trains the lane's first waiting run (none if it was cancelled). */
    private void runNext(DeviceInfo.Kind lane) {
        InProcessRun run = null;
        synchronized (this) {
            for (InProcessRun r : queue) {
                if (r.lane() == lane) {
                    run = r;
                    break;
                }
            }
            if (run == null) {
                return;
            }
            queue.remove(run);
            queueVersion++;
        }
        fireQueueChanged();
        if (run.start()) {
            execute(run);
        }
    }

    private void execute(InProcessRun run) {
        try {
            LoadedData loaded = data.load(Path.of(run.config().data()), run.config().imageSize());
            Files.createDirectories(run.directory());
            long storeId = Long.parseLong(run.id());
            StoredTraining training = new StoredTraining(store).holding(run.lock());
            try (RunRecorder files = new RunRecorder(run.directory())) {
                StoredRun before = run.resumedFrom();
                if (before == null) {
                    training.train(storeId, loaded, run.control(), files, run.history(), run.events());
                } else {
                    // the files are rewritten from the store so that they hold the same, continuous history
                    before.epochs().forEach(files::onEpoch);
                    before.snapshots().forEach(files::onSnapshot);
                    training.resume(storeId, loaded, run.control(), files, run.history(), run.events());
                }
            }
        } catch (IOException | RuntimeException e) {
            Failures.debug(e);
            String message = Failures.describe(e);
            run.events().onStatus(RunStatus.FAILED, message);
            recordStatus(run, RunStatus.FAILED, message);
        } finally {
            run.releaseLock();
        }
    }

    private void dequeue(InProcessRun run) {
        boolean removed;
        synchronized (this) {
            removed = queue.remove(run);
            queueVersion++;
        }
        if (removed) {
            fireQueueChanged();
        }
        recordStatus(run, run.status(), run.statusMessage());
        run.releaseLock();
    }

    /** For what happens outside training (a cancelled queue entry, data that fails to load). */
    private void recordStatus(InProcessRun run, RunStatus status, String message) {
        try {
            if (store.status(Long.parseLong(run.id())) != status) {
                store.updateStatus(Long.parseLong(run.id()), status, message);
            }
        } catch (RuntimeException e) {
            Failures.debug(e);
        }
    }

    @Override
    public List<RunHandle> runs() {
        return List.copyOf(runs);
    }

    @Override
    public synchronized List<RunHandle> queued() {
        return List.copyOf(queue);
    }

    /** The queue and its version, read together: a later version always lists a later state. */
    public synchronized QueueState queueState() {
        return new QueueState(queueVersion, List.copyOf(queue));
    }

    /** @param version grows with every change of the queue */
    public record QueueState(long version, List<RunHandle> runs) {
    }

    /** The device queue a run of this service waits in or trains on. */
    public DeviceInfo.Kind laneOf(RunHandle run) {
        return ((InProcessRun) run).lane();
    }

    @Override
    public void cancelQueued(String runId) {
        InProcessRun run = find(runId);
        synchronized (this) {
            if (!queue.contains(run)) {
                throw notQueued(run);
            }
        }
        run.stop();
    }

    @Override
    public void moveQueued(String runId, int offset) {
        InProcessRun run = find(runId);
        synchronized (this) {
            int from = queue.indexOf(run);
            if (from < 0) {
                throw notQueued(run);
            }
            int to = (int) Math.max(0, Math.min(queue.size() - 1L, (long) from + offset));
            queue.remove(from);
            queue.add(to, run);
            queueVersion++;
        }
        fireQueueChanged();
    }

    @Override
    public RunHandle resume(String runId) {
        return resume(runId, false, null);
    }

    @Override
    public RunHandle resume(String runId, boolean fromScratch) {
        return resume(runId, fromScratch, null);
    }

    /**
     * Continues a stored run (interrupted, stopped or failed; recorded by this process or an earlier
     * one) from its last checkpoint. What it recorded after that checkpoint is dropped, the rest is
     * replayed to the run's listeners first, so every subscriber sees one continuous history.
     *
     * <p>The run is claimed in the store ({@link RunStore#lock}) from here until it ends, so a
     * second resume of it, from this process or another, is refused while the first one waits or
     * trains.
     *
     * @param fromScratch restart a run that has no checkpoint from step 0, keeping its recorded
     *     history as a superseded attempt; without it such a run is refused
     * @param firstListener attached before anything is replayed (a worker relays the run this way)
     * @throws IllegalStateException when the run is live, finished, claimed by another trainer
     *     ({@link org.ringlab.store.RunBusyException}) or has no checkpoint and {@code fromScratch}
     *     is false ({@link org.ringlab.store.NoCheckpointException})
     */
    public RunHandle resume(String runId, boolean fromScratch, TrainingListener firstListener) {
        long storeId;
        try {
            storeId = Long.parseLong(runId);
        } catch (NumberFormatException e) {
            throw new NoSuchElementException("no run with id '" + runId + "'");
        }
        for (InProcessRun live : runs) {
            if (live.id().equals(runId)) {
                if (!live.status().isTerminal()) {
                    throw new IllegalStateException("run " + runId + " is " + live.status().id() + "; only an ended "
                            + "run can be resumed");
                }
                awaitEnd(live);
            }
        }
        store.status(storeId); // no such run: NoSuchElement-like StoreException before any claim
        RunLock lock = store.lock(storeId);
        try {
            // read under the claim: a resume that got here first may have finished the run meanwhile
            if (store.status(storeId) == RunStatus.FINISHED) {
                throw new IllegalStateException("run " + runId + " has finished all its epochs; there is nothing to "
                        + "resume");
            }
            store.prepareResume(storeId, fromScratch);
            StoredRun before = store.load(storeId);
            before.config().validateOrThrow(new DataSetProbe());
            InProcessRun run = new InProcessRun(runId, before.config(), store.runDirectory(storeId),
                    laneOf(before.config()), this::dequeue);
            run.holding(lock);
            run.resumingFrom(before);
            if (firstListener != null) {
                run.addListener(firstListener);
            }
            TrainingListener replay = org.ringlab.train.Listeners.of(run.history(), run.events());
            before.info().forEach(replay::onInfo);
            before.steps().forEach(replay::onStep);
            before.epochs().forEach(replay::onEpoch);
            before.snapshots().forEach(replay::onSnapshot);
            return enqueue(run);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** An ended run's training thread still writes its last files; its claim goes once it is done. */
    private static void awaitEnd(InProcessRun ended) {
        try {
            ended.awaitReleased(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run store this service records into (the workspace's). */
    public RunStore store() {
        return store;
    }

    /** Called after every change of the queue (submit, start, cancel, move), on the changing thread. */
    public void addQueueListener(Runnable listener) {
        queueListeners.add(listener);
    }

    private void fireQueueChanged() {
        queueListeners.forEach(Runnable::run);
    }

    private InProcessRun find(String runId) {
        for (InProcessRun run : runs) {
            if (run.id().equals(runId)) {
                return run;
            }
        }
        throw new NoSuchElementException("no run with id '" + runId + "'");
    }

    private static IllegalStateException notQueued(InProcessRun run) {
        return new IllegalStateException("run " + run.id() + " is not queued (it is " + run.status().id() + ")");
    }

    @Override
    public WorkerInfo describe() {
        return WorkerProbe.describe("in process", "");
    }

    @Override
    public void close() {
        for (RunHandle run : runs) {
            run.stop();
        }
        for (ExecutorService lane : lanes.values()) {
            lane.shutdown();
        }
        try {
            for (ExecutorService lane : lanes.values()) {
                lane.awaitTermination(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    /** Keeps the last data set loaded: successive runs on the same folder skip decoding it again. */
    private static final class DataCache {
        private String path;
        private LoadedData loaded;

        synchronized LoadedData load(Path dir, int imageSize) throws IOException {
            String key = dir.toAbsolutePath().normalize() + " at " + imageSize;
            if (!key.equals(path)) {
                loaded = DataSets.load(dir, imageSize);
                path = key;
            }
            return loaded;
        }
    }
}
