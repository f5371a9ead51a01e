package org.ringlab.ui;

import java.nio.file.Path;
import org.ringlab.config.RunConfig;
import org.ringlab.service.AbstractRunHandle;
import org.ringlab.service.RunHistory;
import org.ringlab.train.RunStatus;

/**
 * A run handle for window tests, on the production base: identity, status, history and listeners
 * kept as a real handle keeps them. Tests move its status; subclasses script what its controls do
 * (nothing here).
 */
public class FakeRunHandle extends AbstractRunHandle {

    public FakeRunHandle(String id, String name, RunConfig config, Path directory, RunStatus status) {
        super(id, name, config, directory, status, "", new RunHistory());
    }

    /** Moves the run to {@code next} without an event (as a worker's status a poll reads). */
    public void set(RunStatus next) {
        set(next, "");
    }

    /** The same, with the status message the run gives (e.g. why it failed). */
    public void set(RunStatus next, String message) {
        setStatus(next, message);
    }

    /** Moves the run to {@code next} with a status event its subscribers hear, as training does. */
    public void emit(RunStatus next, String why) {
        events().onStatus(next, why);
    }

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void step() {
    }

    @Override
    public void stop() {
    }
}
