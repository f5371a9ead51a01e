package org.ringlab.remote;

import java.nio.file.Path;
import org.ringlab.config.RunConfigJson;
import org.ringlab.remote.v1.ControlRequest;
import org.ringlab.remote.v1.RunEvent;
import org.ringlab.remote.v1.RunInfo;
import org.ringlab.service.AbstractRunHandle;
import org.ringlab.service.RunHistory;
import org.ringlab.train.Failures;
import org.ringlab.train.Listeners;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/**
 * A run trained by a worker, as this client knows it: state, history and listeners fed from the
 * run's event stream, controls sent as calls. Events arrive on a gRPC thread, one at a time.
 */
final class RemoteRun extends AbstractRunHandle {
    private final RemoteTrainingService owner;
    /** The next event to ask for after a reconnect. */
    private volatile long nextSeq;
    /** The last step seen, unthinned (history keeps a reduced list). */
    private volatile int lastStep = -1;
    private volatile WorkerConnection connection;

    RemoteRun(RemoteTrainingService owner, RunInfo info, WorkerConnection connection) {
        super(info.getId(), info.getName(), RunConfigJson.fromJson(info.getConfigJson()),
                Path.of(info.getDirectory()), Wire.status(info.getState()), info.getStatusMessage(), new RunHistory());
        this.owner = owner;
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
        if (s != status() || !info.getStatusMessage().equals(statusMessage())) {
            events().onStatus(s, info.getStatusMessage());
        }
    }

    /**
     * The run was resumed: the worker replays its kept history on a new event log from sequence 0,
     * so this client's copy starts over from that replay.
     */
    synchronized void restartFromResume(WorkerConnection c, RunInfo info) {
        replaceHistory(new RunHistory());
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
        // the history first, so that a subscriber that looks at it sees the event it is told of
        TrainingListener to = Listeners.of(history(), events());
        try {
            switch (e.getKindCase()) {
                case STATUS -> events().onStatus(Wire.status(e.getStatus().getState()), e.getStatus().getMessage());
                case STEP -> {
                    var step = Wire.step(e.getStep());
                    lastStep = step.step();
                    to.onStep(step);
                }
                case EPOCH -> to.onEpoch(Wire.epoch(e.getEpoch()));
                case INFO -> to.onInfo(e.getInfo().getMessage());
                case SNAPSHOT -> to.onSnapshot(Wire.snapshot(e.getSnapshot()));
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
        if (from != connection || status().isTerminal()) {
            return;
        }
        String where = lastStep >= 0 ? "at step " + lastStep + "; recorded history kept"
                : status() == RunStatus.PENDING ? "before the run started" : "before its first step";
        events().onStatus(RunStatus.INTERRUPTED, "worker " + cause + " " + where);
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
        if (!status().isTerminal()) {
            owner.control(this, action);
        }
    }

    @Override
    public String toString() {
        return id() + " (" + status().id() + ")";
    }
}
