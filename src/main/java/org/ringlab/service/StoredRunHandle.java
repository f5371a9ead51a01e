package org.ringlab.service;

import java.nio.file.Path;
import org.ringlab.config.RunConfig;
import org.ringlab.store.StoredRun;
import org.ringlab.train.RunStatus;

/**
 * A past run read back from the run store: its configuration, final status and history, with
 * nothing left to control. It can be opened, replayed, overlaid and exported like a live run; to
 * train it further, {@link TrainingService#resume resume} it.
 */
public final class StoredRunHandle implements RecordedRunHandle {
    private final StoredRun run;
    private final RunHistory history = new RunHistory();

    public StoredRunHandle(StoredRun run) {
        this.run = run;
        run.info().forEach(history::onInfo);
        run.steps().forEach(history::onStep);
        run.epochs().forEach(history::onEpoch);
        run.snapshots().forEach(history::onSnapshot);
    }

    @Override
    public String id() {
        return Long.toString(run.id());
    }

    @Override
    public String name() {
        return run.name();
    }

    @Override
    public RunConfig config() {
        return run.config();
    }

    @Override
    public Path directory() {
        return run.directory();
    }

    @Override
    public RunStatus status() {
        return run.status();
    }

    @Override
    public String statusMessage() {
        return run.statusMessage() == null ? "" : run.statusMessage();
    }

    @Override
    public RunHistory history() {
        return history;
    }
}
