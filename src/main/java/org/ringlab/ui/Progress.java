package org.ringlab.ui;

import java.util.Locale;
import org.ringlab.train.StepMetrics;

/** The progress line: epoch, step, throughput and time left, from the latest step and its timing. */
public final class Progress {
    private final int epochs;
    private long firstNanos = -1;
    private int firstStep;
    /** The last line's position part ("epoch 2/3 · step 512/1407"). */
    private String position = "";

    public Progress(int epochs) {
        this.epochs = epochs;
    }

    /** Fraction done in [0, 1]. */
    public double fraction(StepMetrics s) {
        double total = (double) epochs * s.stepsPerEpoch();
        return Math.min(1.0, s.step() / total);
    }

    /** e.g. "epoch 2/3 · step 512/1407 · 8,123 img/s · ETA 1:05"; batch size gives images/s. */
    public String describe(StepMetrics s, int batchSize, long nowNanos) {
        if (firstNanos < 0) {
            firstNanos = nowNanos;
            firstStep = s.step();
        }
        int total = epochs * s.stepsPerEpoch();
        position = String.format(Locale.ROOT, "epoch %d/%d · step %d/%d", s.epoch(), epochs, s.step(), total);
        StringBuilder sb = new StringBuilder(position);
        double seconds = (nowNanos - firstNanos) / 1e9;
        int done = s.step() - firstStep;
        if (done > 0 && seconds > 0.5) {
            double stepsPerSecond = done / seconds;
            long eta = Math.round((total - s.step()) / stepsPerSecond);
            sb.append(String.format(Locale.ROOT, " · %,.0f img/s · ETA %d:%02d", stepsPerSecond * batchSize, eta / 60,
                    eta % 60));
        }
        return sb.toString();
    }

    /**
     * The line for a run that does not train now (stopped, paused, ended): where it got to, without
     * a rate and a time left that no longer hold. The clock restarts with the next step, so a
     * paused run's pause does not slow its later estimate.
     */
    public String idle() {
        firstNanos = -1;
        return position;
    }
}
