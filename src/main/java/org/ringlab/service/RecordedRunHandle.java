package org.ringlab.service;

import java.nio.file.Path;
import org.ringlab.config.RunConfig;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/**
 * A run that nothing in this process trains — a past run read from the store, a run on a cluster —
 * shown from what was recorded: there is nothing to pause, step or stop, and no events will come.
 */
public abstract class RecordedRunHandle extends AbstractRunHandle {
    protected RecordedRunHandle(String id, String name, RunConfig config, Path directory, RunStatus status,
            String message, RunHistory history) {
        super(id, name, config, directory, status, message, history);
    }

    @Override
    public final void pause() {
    }

    @Override
    public final void resume() {
    }

    @Override
    public final void step() {
    }

    @Override
    public final void stop() {
    }

    @Override
    public final void addListener(TrainingListener listener) {
    }

    @Override
    public final void removeListener(TrainingListener listener) {
    }
}
