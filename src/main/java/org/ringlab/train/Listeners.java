package org.ringlab.train;

import java.util.List;

/** Fans one run's events out to several listeners, in order. */
public final class Listeners implements TrainingListener {
    private final List<TrainingListener> targets;

    private Listeners(List<TrainingListener> targets) {
        this.targets = targets;
    }

    public static TrainingListener of(TrainingListener... targets) {
        return new Listeners(List.of(targets));
    }

    /** Fans out to whatever {@code targets} holds at each event (pass a thread-safe list). */
    public static TrainingListener over(List<TrainingListener> targets) {
        return new Listeners(targets);
    }

    @Override
    public void onStatus(RunStatus status, String message) {
        targets.forEach(t -> t.onStatus(status, message));
    }

    @Override
    public void onStep(StepMetrics step) {
        targets.forEach(t -> t.onStep(step));
    }

    @Override
    public void onEpoch(EpochMetrics epoch) {
        targets.forEach(t -> t.onEpoch(epoch));
    }

    @Override
    public void onSnapshot(PositionSnapshot snapshot) {
        targets.forEach(t -> t.onSnapshot(snapshot));
    }

    @Override
    public void onInfo(String message) {
        targets.forEach(t -> t.onInfo(message));
    }
}
