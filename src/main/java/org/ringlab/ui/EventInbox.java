package org.ringlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingListener;

/**
 * Collects a run's events from the training thread without blocking it; the window's frame pump
 * takes everything that arrived at each of its frames, ten a second ({@link #drain()}), so a burst
 * of steps costs one redraw, never one {@code Platform.runLater} per event.
 */
public final class EventInbox implements TrainingListener {
    /** What arrived since the last drain, in order of kind. */
    public record Batch(List<StepMetrics> steps, List<EpochMetrics> epochs, List<PositionSnapshot> snapshots,
            List<String> info, RunStatus status, String statusMessage) {
        public boolean isEmpty() {
            return steps.isEmpty() && epochs.isEmpty() && snapshots.isEmpty() && info.isEmpty() && status == null;
        }
    }

    private record StatusChange(RunStatus status, String message) {
    }

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean statusPending = new AtomicBoolean();

    @Override
    public void onStatus(RunStatus status, String message) {
        queue.add(new StatusChange(status, message));
        statusPending.set(true);
    }

    /**
     * Whether a status change waits to be drained: the frame pump shows one at once even when its
     * drawing budget would let the steps wait (a click on Stop must not look ignored).
     */
    public boolean hasStatusChange() {
        return statusPending.get();
    }

    @Override
    public void onStep(StepMetrics step) {
        queue.add(step);
    }

    @Override
    public void onEpoch(EpochMetrics epoch) {
        queue.add(epoch);
    }

    @Override
    public void onSnapshot(PositionSnapshot snapshot) {
        queue.add(snapshot);
    }

    @Override
    public void onInfo(String message) {
        queue.add(message);
    }

    /** Everything queued so far; the last status change wins. */
    public Batch drain() {
        List<StepMetrics> steps = new ArrayList<>();
        List<EpochMetrics> epochs = new ArrayList<>();
        List<PositionSnapshot> snapshots = new ArrayList<>();
        List<String> info = new ArrayList<>();
        StatusChange status = null;
        statusPending.set(false);
        for (Object o; (o = queue.poll()) != null;) {
            if (o instanceof StepMetrics s) {
                steps.add(s);
            } else if (o instanceof EpochMetrics e) {
                epochs.add(e);
            } else if (o instanceof PositionSnapshot p) {
                snapshots.add(p);
            } else if (o instanceof String m) {
                info.add(m);
            } else if (o instanceof StatusChange c) {
                status = c;
            }
        }
        return new Batch(steps, epochs, snapshots, info, status == null ? null : status.status(),
                status == null ? null : status.message());
    }
}
