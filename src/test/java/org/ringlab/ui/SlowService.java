package org.ringlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.service.WorkerInfo;
import org.ringlab.train.RunStatus;

/**
 * A training service on a slow link: every call, and every control of a run, answers only after
 * {@code delayMillis} (a remote worker near its gRPC deadline). It trains nothing; the runs' states
 * move as the calls say. What a handle has recorded (status, history) is read at once, as the real
 * handles keep it locally.
 */
final class SlowService implements TrainingService {
    private final long delayMillis;
    private final List<RunHandle> runs = new CopyOnWriteArrayList<>();
    /** The waiting runs in order. */
    private final List<Run> queue = new CopyOnWriteArrayList<>();
    /** Queued runs the worker says have just started (a cancel comes too late). */
    private final List<String> started = new CopyOnWriteArrayList<>();

    SlowService(long delayMillis, String... queued) {
        this.delayMillis = delayMillis;
        for (String name : queued) {
            Run run = new Run(name, RunStatus.PENDING);
            runs.add(run);
            queue.add(run);
        }
    }

    /** Cancelling {@code name} fails: the worker started it meanwhile. */
    void startsBeforeCancel(String name) {
        started.add(name);
    }

    List<String> queueNames() {
        return queue.stream().map(Run::id).toList();
    }

    /** Calls made on the JavaFX thread (there must be none: each would freeze the window for the delay). */
    final List<String> onFxThread = new CopyOnWriteArrayList<>();

    private void answerLate() {
        if (javafx.application.Platform.isFxApplicationThread()) {
            onFxThread.add(StackWalker.getInstance().walk(f -> f.skip(1).findFirst().map(
                    StackWalker.StackFrame::getMethodName).orElse("?")));
        }
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public RunHandle submit(RunConfig config) {
        answerLate();
        Run run = new Run("run" + (runs.size() + 1), RunStatus.RUNNING);
        runs.add(run);
        return run;
    }

    @Override
    public List<RunHandle> runs() {
        answerLate();
        return List.copyOf(runs);
    }

    @Override
    public List<RunHandle> queued() {
        answerLate();
        return List.copyOf(queue);
    }

    private Run waiting(String runId) {
        return queue.stream().filter(r -> r.id().equals(runId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no queued run " + runId));
    }

    @Override
    public synchronized void cancelQueued(String runId) {
        answerLate();
        Run run = waiting(runId);
        if (started.contains(runId)) {
            throw new IllegalStateException(runId + " has just started\n(on the worker)",
                    new IllegalStateException("state RUNNING"));
        }
        queue.remove(run);
        run.set(RunStatus.STOPPED);
    }

    @Override
    public synchronized void moveQueued(String runId, int offset) {
        answerLate();
        List<Run> order = new ArrayList<>(queue);
        Run run = waiting(runId);
        int to = Math.max(0, Math.min(order.size() - 1, order.indexOf(run) + offset));
        order.remove(run);
        order.add(to, run);
        queue.clear();
        queue.addAll(order);
    }

    @Override
    public RunHandle resume(String runId) {
        answerLate();
        Run run = new Run(runId, RunStatus.RUNNING);
        runs.add(run);
        return run;
    }

    @Override
    public RunHandle resume(String runId, boolean fromScratch) {
        return resume(runId);
    }

    @Override
    public WorkerInfo describe() {
        answerLate();
        return new WorkerInfo("slow link", "", "", "none", "", "", List.of());
    }

    @Override
    public String describeDevice() {
        answerLate();
        return "a worker on a slow link";
    }

    @Override
    public boolean workerAlive() {
        answerLate();
        return true;
    }

    @Override
    public void close() {
    }

    /** A run whose controls answer late, then change its state as a worker would. */
    final class Run extends FakeRunHandle {
        final java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();

        Run(String id, RunStatus status) {
            super(id, id, RunConfig.defaults(), Path.of("nowhere", id), status);
        }

        @Override
        public void pause() {
            answerLate();
            set(RunStatus.PAUSED);
        }

        @Override
        public void resume() {
            answerLate();
            set(RunStatus.RUNNING);
        }

        @Override
        public void step() {
            answerLate();
            steps.incrementAndGet();
        }

        @Override
        public void stop() {
            answerLate();
            set(RunStatus.STOPPED);
        }
    }
}
