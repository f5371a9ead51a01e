package org.ringlab.ui.pacing;

import java.util.Arrays;

/** The last few thousand durations of something (pulse intervals, waits for the JavaFX thread) and their percentiles. */
public final class RecentDurations {
    private final long[] nanos = new long[4096];
    private int count;

    public synchronized void add(long durationNanos) {
        nanos[count % nanos.length] = durationNanos;
        count++;
    }

    /** The q-quantile (0..1) of the recent durations in milliseconds; NaN before the first. */
    public synchronized double percentileMillis(double q) {
        int n = Math.min(count, nanos.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(n - 1, Math.round(q * (n - 1)))] / 1e6;
    }

    /** How many were added, including those no longer kept. */
    public synchronized int count() {
        return count;
    }
}
