package org.ringlab.ui.ringview;

/** How a bar's count becomes its height, as a share of the tallest bar. */
public enum BarScale {
    LINEAR,
    /** Lifts small counts into view next to a dominant bin (counts stay ordered). */
    SQRT;

    /** Heights in [0, 1], 1 for the largest count; all 0 when every count is 0. */
    public double[] heights(long[] counts) {
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        double[] h = new double[counts.length];
        if (max == 0) {
            return h;
        }
        for (int i = 0; i < counts.length; i++) {
            double share = (double) counts[i] / max;
            h[i] = this == SQRT ? Math.sqrt(share) : share;
        }
        return h;
    }
}
