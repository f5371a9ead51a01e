package org.ringlab.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event of a run, for assertions. */
class RecordingListener implements TrainingListener {
    final List<RunStatus> statuses = new CopyOnWriteArrayList<>();
    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<StepMetrics> steps = new CopyOnWriteArrayList<>();
    final List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
    final List<PositionSnapshot> snapshots = new CopyOnWriteArrayList<>();

    @Override
    public void onStatus(RunStatus status, String message) {
        statuses.add(status);
        messages.add(message);
    }

    @Override
    public void onStep(StepMetrics step) {
        steps.add(step);
    }

    @Override
    public void onEpoch(EpochMetrics epoch) {
        epochs.add(epoch);
    }

    @Override
    public void onSnapshot(PositionSnapshot snapshot) {
        snapshots.add(snapshot);
    }
}
