package org.ringlab.remote;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.remote.v1.ControlRequest;
import org.ringlab.remote.v1.RunEvent;
import org.ringlab.remote.v1.RunInfo;
import org.ringlab.service.RunHandle;
import org.ringlab.service.RunHistory;
import org.ringlab.train.Failures;
import org.ringlab.train.Listeners;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/**
 * A run trained by a worker, as this client knows it: state, history and listeners fed from the
 * run's event stream, controls sent as calls. Events arrive on a gRPC thread, one at a time.
 */
final class RemoteRun implements RunHandle {
    private final RemoteTrainingService owner;
    private final String id;
    private final String name;
    private final RunConfig config;
    private final Path directory;
    private volatile RunHistory history = new RunHistory();
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final TrainingListener events = Listeners.over(listeners);
    private volatile RunStatus status;
    private volatile String message;
    /** The next event to ask for after a reconnect. */
    private volatile long nextSeq;
    /** The last step seen, unthinned (history keeps a reduced list). */
    private volatile int lastStep = -1;
    private volatile WorkerConnection connection;

    RemoteRun(RemoteTrainingService owner, RunInfo info, WorkerConnection connection) {
        this.owner = owner;
        this.id = info.getId();
        this.name = info.getName();
        this.config = RunConfigJson.fromJson(info.getConfigJson());
        this.directory = Path.of(info.getDirectory());
        this.status = Wire.status(info.getState());
        this.message = info.getStatusMessage();
        this.connection = connection;
    }

    WorkerConnection connection() {
        return connection;
    }

    long nextSeq() {
        return nextSeq;
    }

    /** After a reconnect: the worker's word on the state, until its events say more. */
    synchronized void reattach(WorkerConnection c, RunInfo info) {
        connection = c;
        RunStatus s = Wire.status(info.getState());
        if (s != status || !info.getStatusMessage().equals(message)) {
            status = s;
            message = info.getStatusMessage();
            events.onStatus(s, message);
        }
    }

    /**
     * The run was resumed: the worker replays its kept history on a new event log from sequence 0,
     * so this client's copy starts over from that replay.
     */
    synchronized void restartFromResume(WorkerConnection c, RunInfo info) {
        history = new RunHistory();
        nextSeq = 0;
        lastStep = -1;
        reattach(c, info);
    }

    /** One event from the worker's stream, in order. */
    synchronized void accept(WorkerConnection from, RunEvent e) {
        if (from != connection || from.isDead()) {
            return;
        }
        nextSeq = e.getSeq() + 1;
        try {
            switch (e.getKindCase()) {
                case STATUS -> {
                    status = Wire.status(e.getStatus().getState());
                    message = e.getStatus().getMessage();
                    events.onStatus(status, message);
                }
                case STEP -> {
                    var step = Wire.step(e.getStep());
                    lastStep = step.step();
                    history.onStep(step);
                    events.onStep(step);
                }
                case EPOCH -> {
                    var epoch = Wire.epoch(e.getEpoch());
                    history.onEpoch(epoch);
                    events.onEpoch(epoch);
                }
                case INFO -> {
                    history.onInfo(e.getInfo().getMessage());
                    events.onInfo(e.getInfo().getMessage());
                }
                case SNAPSHOT -> {
                    var snapshot = Wire.snapshot(e.getSnapshot());
                    history.onSnapshot(snapshot);
                    events.onSnapshot(snapshot);
                }
                case KIND_NOT_SET -> {
                    // an event kind of a newer worker: nothing this client can show
                }
            }
        } catch (IllegalArgumentException ex) {
            Failures.debug(ex);
        }
    }

    /** The worker died: the run ends here, with what was received kept. */
    synchronized void interrupt(WorkerConnection from, String cause) {
        if (from != connection || status.isTerminal()) {
            return;
        }
        String where = lastStep >= 0 ? "at step " + lastStep + "; recorded history kept"
                : status == RunStatus.PENDING ? "before the run started" : "before its first step";
        status = RunStatus.INTERRUPTED;
        message = "worker " + cause + " " + where;
        events.onStatus(status, message);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RunConfig config() {
        return config;
    }

    /** A path on the worker's machine (the same machine for a local worker). */
    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public RunStatus status() {
        return status;
    }

    @Override
    public String statusMessage() {
        return message;
    }

    @Override
    public void pause() {
        control(ControlRequest.Action.PAUSE);
    }

    @Override
    public void resume() {
        control(ControlRequest.Action.RESUME);
    }

    @Override
    public void step() {
        control(ControlRequest.Action.STEP);
    }

    @Override
    public void stop() {
        control(ControlRequest.Action.STOP);
    }

    private void control(ControlRequest.Action action) {
        // a run that ended (or whose worker died) has nothing left to control, as in process
        if (!status.isTerminal()) {
            owner.control(this, action);
        }
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
    public RunHistory history() {
        return history;
    }

    @Override
    public String toString() {
        return id + " (" + status.id() + ")";
    }
}
