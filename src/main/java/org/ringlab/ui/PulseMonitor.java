package org.ringlab.ui;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Measures the interval between JavaFX pulses: if training or drawing blocked the UI thread, the
 * intervals grow. Reports percentiles over the last few thousand frames.
 */
public final class PulseMonitor extends AnimationTimer {
    private final long[] intervals = new long[4096];
    private int count;
    private long last = -1;

    @Override
    public void handle(long now) {
        if (last >= 0) {
            intervals[count % intervals.length] = now - last;
            count++;
        }
        last = now;
    }

    /** The q-quantile (0..1) of recent pulse intervals in milliseconds; NaN before two pulses. */
    public synchronized double percentileMillis(double q) {
        int n = Math.min(count, intervals.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(intervals, n);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(n - 1, Math.round(q * (n - 1)))] / 1e6;
    }

    public int frames() {
        return count;
    }
}
