package org.ringlab.service;

import java.util.ArrayList;
import java.util.List;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingListener;

/**
 * A run's events kept in memory for drawing and replay: every epoch and every position snapshot
 * (small, fixed-size histograms), and the per-step metrics reduced so that a 200-epoch run stays
 * bounded — when the step list reaches its cap, every second point is dropped and the keeping
 * stride doubles. Thread-safe: the training thread appends, any thread reads copies.
 */
public final class RunHistory implements TrainingListener {
    /** At most this many step points are kept per run. */
    public static final int MAX_STEPS = 8192;

    private final List<StepMetrics> steps = new ArrayList<>();
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final List<PositionSnapshot> snapshots = new ArrayList<>();
    private final List<String> info = new ArrayList<>();
    private int stride = 1;

    @Override
    public synchronized void onStep(StepMetrics step) {
        if (step.step() % stride != 0) {
            return;
        }
        steps.add(step);
        if (steps.size() >= MAX_STEPS) {
            List<StepMetrics> kept = new ArrayList<>(MAX_STEPS / 2 + 1);
            stride *= 2;
            for (StepMetrics s : steps) {
                if (s.step() % stride == 0) {
                    kept.add(s);
                }
            }
            steps.clear();
            steps.addAll(kept);
        }
    }

    @Override
    public synchronized void onEpoch(EpochMetrics epoch) {
        epochs.add(epoch);
    }

    @Override
    public synchronized void onSnapshot(PositionSnapshot snapshot) {
        snapshots.add(snapshot);
    }

    @Override
    public synchronized void onInfo(String message) {
        info.add(message);
    }

    @Override
    public void onStatus(RunStatus status, String message) {
        // the handle tracks status; history keeps measurements only
    }

    public synchronized List<StepMetrics> steps() {
        return List.copyOf(steps);
    }

    public synchronized List<EpochMetrics> epochs() {
        return List.copyOf(epochs);
    }

    public synchronized List<PositionSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    public synchronized List<String> info() {
        return List.copyOf(info);
    }

    /** Keeps every {@code stride}-th step; 1 until the cap was first reached. */
    public synchronized int stepStride() {
        return stride;
    }
}
