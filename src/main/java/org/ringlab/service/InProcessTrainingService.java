package org.ringlab.service;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.train.DataSetProbe;
import org.ringlab.train.Failures;
import org.ringlab.train.Listeners;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;
import org.ringlab.train.Trainer;
import org.ringlab.train.TrainingListener;

/**
 * Trains in this process, one run at a time per device kind (a CPU run may train beside a GPU
 * run), in the order of one shared, editable queue. Each run is recorded in its own directory
 * under the workspace exactly as {@code ringlab train} records it.
 */
public final class InProcessTrainingService implements TrainingService {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path workspace;
    private final Map<DeviceInfo.Kind, ExecutorService> lanes = new EnumMap<>(DeviceInfo.Kind.class);
    private final List<InProcessRun> runs = new CopyOnWriteArrayList<>();
    /** Waiting runs of every lane in start order; guarded by this. */
    private final List<InProcessRun> queue = new ArrayList<>();
    /** Grows with every change of the queue; guarded by this. */
    private long queueVersion;
    private final List<Runnable> queueListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final DataCache data = new DataCache();
    private volatile Integer gpuCount;

    public InProcessTrainingService(Path workspace) {
        this.workspace = workspace;
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
        String id = LocalDateTime.now().format(ID_TIME) + "-" + counter.incrementAndGet();
        InProcessRun run = new InProcessRun(id, config, workspace.resolve(id), lane, this::dequeue);
        if (firstListener != null) {
            run.addListener(firstListener);
        }
        runs.add(run);
        synchronized (this) {
            queue.add(run);
            queueVersion++;
        }
        lanes.get(lane).submit(() -> runNext(lane));
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
            LoadedData loaded = data.load(Path.of(run.config().data()));
            Files.createDirectories(run.directory());
            RunConfigJson.write(run.config(), run.directory().resolve(RunRecorder.CONFIG));
            try (RunRecorder recorder = new RunRecorder(run.directory())) {
                new Trainer(run.config(), loaded)
                        .checkpointTo(run.directory().resolve(RunRecorder.CHECKPOINT))
                        .run(Listeners.of(recorder, run.history(), run.events()), run.control());
            }
        } catch (IOException | RuntimeException e) {
            Failures.debug(e);
            run.events().onStatus(RunStatus.FAILED, Failures.describe(e));
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
        find(runId);
        // This process never sees its own runs interrupted; resuming one recorded by a dead worker
        // needs the run's checkpoint and history read back from the run store.
        throw new UnsupportedOperationException("resume needs the run store");
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
    }

    /** Keeps the last data set loaded: successive runs on the same folder skip decoding it again. */
    private static final class DataCache {
        private Path path;
        private LoadedData loaded;

        synchronized LoadedData load(Path dir) throws IOException {
            Path key = dir.toAbsolutePath().normalize();
            if (!key.equals(path)) {
                loaded = DataSets.load(dir);
                path = key;
            }
            return loaded;
        }
    }
}
