package org.ringlab.service;

import java.nio.file.Path;
import org.ringlab.config.RunConfig;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/** One submitted run: its identity, its live state, its controls and what it has recorded so far. */
public interface RunHandle {
    String id();

    /** The user's name for the run, or a generated one (model, method, ring). */
    String name();

    RunConfig config();

    /** Where its files are written (config.json, metrics.csv, snapshots.jsonl, checkpoint). */
    Path directory();

    RunStatus status();

    /** Why the run is in its status (the reason for failed or diverged), never null. */
    String statusMessage();

    void pause();

    void resume();

    /** While paused: run exactly one more optimisation step. */
    void step();

    void stop();

    /**
     * Receives this run's future events on the training thread (implementations must return
     * quickly and hand the immutable events to their own thread). Past events are in
     * {@link #history()}.
     */
    void addListener(TrainingListener listener);

    void removeListener(TrainingListener listener);

    /** Everything recorded so far, reduced for drawing; full resolution lives in the run's files. */
    RunHistory history();
}
