package org.ringlab.remote;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.remote.v1.InfoEvent;
import org.ringlab.remote.v1.RunEvent;
import org.ringlab.remote.v1.StatusEvent;
import org.ringlab.service.RunHistory;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingListener;

/**
 * One run's events on the worker, numbered, kept for replay and fanned out to the streams that
 * watch the run. A watcher gets the recorded events and then the live ones under one lock, so it
 * sees each event exactly once and in order. Step events are thinned as {@link RunHistory} thins
 * them, so a long run's log stays bounded; every other event is kept.
 */
final class RunEventLog implements TrainingListener {
    private final List<RunEvent> events = new ArrayList<>();
    private final List<ServerCallStreamObserver<RunEvent>> watchers = new ArrayList<>();
    private long nextSeq;
    private int keptSteps;
    private int stride = 1;
    private boolean ended;

    RunEventLog() {
        onStatus(RunStatus.PENDING, "queued");
    }

    @Override
    public void onStatus(RunStatus status, String message) {
        append(RunEvent.newBuilder().setStatus(StatusEvent.newBuilder().setState(Wire.state(status))
                .setMessage(message == null ? "" : message)), status.isTerminal());
    }

    @Override
    public void onStep(StepMetrics step) {
        append(RunEvent.newBuilder().setStep(Wire.step(step)), false);
    }

    @Override
    public void onEpoch(EpochMetrics epoch) {
        append(RunEvent.newBuilder().setEpoch(Wire.epoch(epoch)), false);
    }

    @Override
    public void onSnapshot(PositionSnapshot snapshot) {
        append(RunEvent.newBuilder().setSnapshot(Wire.snapshot(snapshot)), false);
    }

    @Override
    public void onInfo(String message) {
        append(RunEvent.newBuilder().setInfo(InfoEvent.newBuilder().setMessage(message)), false);
    }

    private synchronized void append(RunEvent.Builder builder, boolean terminal) {
        RunEvent event = builder.setSeq(nextSeq++).build();
        if (!event.hasStep() || event.getStep().getStep() % stride == 0) {
            events.add(event);
            if (event.hasStep() && ++keptSteps >= RunHistory.MAX_STEPS) {
                thinSteps();
            }
        }
        watchers.removeIf(w -> !send(w, event));
        if (terminal) {
            ended = true;
            watchers.forEach(RunEventLog::complete);
            watchers.clear();
        } else {
            // a resumed run lives again
            ended = false;
        }
    }

    private void thinSteps() {
        stride *= 2;
        events.removeIf(e -> e.hasStep() && e.getStep().getStep() % stride != 0);
        keptSteps = (int) events.stream().filter(RunEvent::hasStep).count();
    }

    /** Replays events from {@code fromSeq}, then streams live ones until the run ends or the call is cancelled. */
    synchronized void watch(long fromSeq, ServerCallStreamObserver<RunEvent> watcher) {
        // gRPC accepts the handler only before this call returns to it
        watcher.setOnCancelHandler(() -> forget(watcher));
        for (RunEvent event : events) {
            if (event.getSeq() >= fromSeq && !send(watcher, event)) {
                return;
            }
        }
        if (ended) {
            complete(watcher);
        } else {
            watchers.add(watcher);
        }
    }

    private synchronized void forget(ServerCallStreamObserver<RunEvent> watcher) {
        watchers.remove(watcher);
    }

    /** Number of events recorded so far (tests). */
    synchronized int size() {
        return events.size();
    }

    private static boolean send(ServerCallStreamObserver<RunEvent> watcher, RunEvent event) {
        if (watcher.isCancelled()) {
            return false;
        }
        try {
            watcher.onNext(event);
            return true;
        } catch (StatusRuntimeException | IllegalStateException e) {
            // the client went away between the check and the send
            return false;
        }
    }

    private static void complete(ServerCallStreamObserver<RunEvent> watcher) {
        try {
            if (!watcher.isCancelled()) {
                watcher.onCompleted();
            }
        } catch (StatusRuntimeException | IllegalStateException e) {
            // cancelled meanwhile: nothing left to tell
        }
    }
}
