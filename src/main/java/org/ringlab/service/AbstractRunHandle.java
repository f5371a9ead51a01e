package org.ringlab.service;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ringlab.config.RunConfig;
import org.ringlab.train.Listeners;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/**
 * What every run handle keeps the same way, wherever the run trains (in process, on a worker, or
 * nowhere any more): its identity, its status as its last status event said, its history and the
 * subscribers its events fan out to. Subclasses decide what the controls do.
 */
public abstract class AbstractRunHandle implements RunHandle {
    private final String id;
    private final String name;
    private final RunConfig config;
    private final Path directory;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final TrainingListener fanOut = Listeners.over(listeners);
    // the handle's status follows its own status events before any subscriber hears of them
    private final TrainingListener events = Listeners.of(new TrainingListener() {
        @Override
        public void onStatus(RunStatus s, String m) {
            setStatus(s, m);
        }
    }, fanOut);
    private volatile RunHistory history;
    private volatile RunStatus status;
    private volatile String message;

    protected AbstractRunHandle(String id, String name, RunConfig config, Path directory, RunStatus status,
            String message, RunHistory history) {
        this.id = id;
        this.name = name;
        this.config = config;
        this.directory = directory;
        this.status = status;
        this.message = message;
        this.history = history;
    }

    /** This run's events: they set its status, then reach every subscriber in order. */
    protected final TrainingListener events() {
        return events;
    }

    /** Changes the status without telling anyone (a transition no subscriber should see as an event). */
    protected final void setStatus(RunStatus s, String m) {
        status = s;
        message = m;
    }

    /** Starts the history over (a replay of the run's whole history follows). */
    protected final void replaceHistory(RunHistory fresh) {
        history = fresh;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final RunConfig config() {
        return config;
    }

    @Override
    public final Path directory() {
        return directory;
    }

    @Override
    public final RunStatus status() {
        return status;
    }

    @Override
    public final String statusMessage() {
        return message;
    }

    @Override
    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }

    @Override
    public final RunHistory history() {
        return history;
    }
}
