package org.ringlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.service.WorkerInfo;
import org.ringlab.train.RunStatus;

/**
 * A training service for view-model tests (with {@link ServiceCalls#direct()}): it trains nothing,
 * logs every call it gets ("submit", "pause run1", "move run2 -1"…), runs {@link #during} inside each
 * call (to look at a model while its call is under way) and throws what {@link #failing} names.
 */
public final class ScriptedService implements TrainingService {
    /** Every call in order (the window test calls from several threads). */
    public final List<String> log = new CopyOnWriteArrayList<>();
    public final List<RunConfig> submitted = new ArrayList<>();
    /** The queue in order; tests reorder it as the worker would. */
    public final List<RunHandle> queue = new ArrayList<>();
    /** Calls (as logged, first word) that throw this instead of answering. */
    public final Map<String, RuntimeException> failing = new HashMap<>();
    public Runnable during = () -> { };
    public boolean alive = true;
    public String device = "cpu (scripted)";
    public boolean closed;
    private int made;

    private void called(String what) {
        log.add(what);
        during.run();
        int space = what.indexOf(' ');
        RuntimeException e = failing.get(space < 0 ? what : what.substring(0, space));
        if (e != null) {
            throw e;
        }
    }

    /** A run this service knows, in {@code status}. */
    public Run run(String id, RunStatus status) {
        return new Run(id, RunConfig.defaults(), status);
    }

    @Override
    public RunHandle submit(RunConfig config) {
        called("submit");
        submitted.add(config);
        made++;
        return new Run("run" + made, config, RunStatus.RUNNING);
    }

    @Override
    public List<RunHandle> runs() {
        called("runs");
        return List.of();
    }

    @Override
    public List<RunHandle> queued() {
        called("queued");
        return List.copyOf(queue);
    }

    @Override
    public void cancelQueued(String runId) {
        called("cancel " + runId);
        if (!queue.removeIf(r -> r.id().equals(runId))) {
            throw new NoSuchElementException("run " + runId + " is not queued");
        }
    }

    @Override
    public void moveQueued(String runId, int offset) {
        called("move " + runId + " " + offset);
    }

    @Override
    public RunHandle resume(String runId) {
        return resume(runId, false);
    }

    @Override
    public RunHandle resume(String runId, boolean fromScratch) {
        called("resumeRun " + runId + (fromScratch ? " from-scratch" : ""));
        return new Run(runId, RunConfig.defaults(), RunStatus.RUNNING);
    }

    @Override
    public WorkerInfo describe() {
        throw new UnsupportedOperationException("scripted");
    }

    @Override
    public String describeDevice() {
        called("device");
        return device;
    }

    @Override
    public boolean workerAlive() {
        called("alive");
        return alive;
    }

    @Override
    public void restartWorker() {
        called("restart");
        alive = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** A run whose status tests set; its controls are logged as calls of the service. */
    public final class Run extends FakeRunHandle {
        Run(String id, RunConfig config, RunStatus status) {
            super(id, "run " + id, config, Path.of("nowhere", id), status);
        }

        @Override
        public void pause() {
            called("pause " + id());
            set(RunStatus.PAUSED);
        }

        @Override
        public void resume() {
            called("resume " + id());
            set(RunStatus.RUNNING);
        }

        @Override
        public void step() {
            called("step " + id());
        }

        @Override
        public void stop() {
            called("stop " + id());
            set(RunStatus.STOPPED);
        }
    }
}
