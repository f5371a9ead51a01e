package org.ringlab.ui;

import javafx.animation.AnimationTimer;
import org.ringlab.ui.pacing.RecentDurations;

/**
 * Measures the interval between JavaFX pulses: if training or drawing blocked the UI thread, the
 * intervals grow. Reports percentiles over the last few thousand frames.
 *
 * <p>While it runs it keeps JavaFX pulsing 60 times a second (that is what it measures), which costs
 * CPU of its own; the window does not run one ({@link FxThreadProbe} watches it instead).
 */
public final class PulseMonitor extends AnimationTimer {
    private final RecentDurations intervals = new RecentDurations();
    private long last = -1;

    @Override
    public void handle(long now) {
        if (last >= 0) {
            intervals.add(now - last);
        }
        last = now;
    }

    /** The q-quantile (0..1) of recent pulse intervals in milliseconds; NaN before two pulses. */
    public double percentileMillis(double q) {
        return intervals.percentileMillis(q);
    }

    public int frames() {
        return intervals.count();
    }
}
