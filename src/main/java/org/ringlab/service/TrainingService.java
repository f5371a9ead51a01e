package org.ringlab.service;

import java.util.List;
import org.ringlab.config.RunConfig;

/**
 * Where runs are trained. The workbench knows training only through this interface, so the same
 * UI drives an in-process engine (tests, fallback) or a separate worker process, local or remote.
 *
 * <p>Runs wait in one queue and start in its order, one at a time per device kind: a CPU run may
 * train beside a GPU run. Methods that name a run by id throw {@link java.util.NoSuchElementException}
 * for an id the service does not know, and {@link IllegalStateException} when the run is not in a
 * state the request applies to (e.g. moving a run that already started).
 */
public interface TrainingService extends AutoCloseable {
    /**
     * Validates and queues a run.
     *
     * @throws org.ringlab.config.InvalidConfigException listing every violation
     */
    RunHandle submit(RunConfig config);

    /** Every run submitted since the service started, oldest first. */
    List<RunHandle> runs();

    /** The runs still waiting for their device, in the order they will start. */
    List<RunHandle> queued();

    /** Removes a waiting run from the queue; it ends STOPPED without having trained. */
    void cancelQueued(String runId);

    /**
     * Moves a waiting run within the queue: {@code offset} places later (positive, down) or earlier
     * (negative, up), clamped to the queue's ends.
     */
    void moveQueued(String runId, int offset);

    /**
     * Continues an {@link org.ringlab.train.RunStatus#INTERRUPTED interrupted} run from its last
     * checkpoint, queued like a new run; returns its handle.
     *
     * @throws UnsupportedOperationException where the service cannot resume runs
     */
    RunHandle resume(String runId);

    /**
     * Like {@link #resume(String)}; with {@code fromScratch}, a run that has no checkpoint restarts
     * from step 0 and its recorded history is kept as a superseded attempt. Without it, such a run
     * is refused with an {@link IllegalStateException} (an {@link
     * org.ringlab.store.NoCheckpointException} where the service can tell), so that nothing
     * recorded is replaced without the user's say.
     *
     * @throws UnsupportedOperationException where the service cannot restart runs
     */
    default RunHandle resume(String runId, boolean fromScratch) {
        if (fromScratch) {
            throw new UnsupportedOperationException("this service cannot restart a run from step 0");
        }
        return resume(runId);
    }

    /** What trains the runs: where, on which devices, with which engine. May take a moment (the engine loads). */
    WorkerInfo describe();

    /** What the service trains on, in one line, e.g. "CPU ..., 2 cores; PyTorch 2.7.1; in process". */
    default String describeDevice() {
        return describe().summary();
    }

    /**
     * False once the process that trains has died or cannot be reached; its unfinished runs are
     * then {@link org.ringlab.train.RunStatus#INTERRUPTED}. Always true in process.
     */
    default boolean workerAlive() {
        return true;
    }

    /**
     * Starts a fresh worker (or reconnects to a remote one) after it died; finished and interrupted
     * runs stay listed with their recorded history.
     *
     * @throws UnsupportedOperationException when training runs in this process
     */
    default void restartWorker() {
        throw new UnsupportedOperationException("training runs in this process; there is no worker to restart");
    }

    /** Stops the running runs between two steps and releases the engine (or the worker). */
    @Override
    void close();
}
