package org.ringlab.service;

import org.ringlab.store.StoredRun;

/**
 * A past run read back from the run store: its configuration, final status and history, with
 * nothing left to control. It can be opened, replayed, overlaid and exported like a live run; to
 * train it further, {@link TrainingService#resume resume} it.
 */
public final class StoredRunHandle extends RecordedRunHandle {
    public StoredRunHandle(StoredRun run) {
        super(Long.toString(run.id()), run.name(), run.config(), run.directory(), run.status(),
                run.statusMessage() == null ? "" : run.statusMessage(), new RunHistory());
        run.info().forEach(history()::onInfo);
        run.steps().forEach(history()::onStep);
        run.epochs().forEach(history()::onEpoch);
        run.snapshots().forEach(history()::onSnapshot);
    }
}
