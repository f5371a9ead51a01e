package org.ringlab.ui.charts;

import io.fair_acc.dataset.DataSet;
import java.util.List;

/**
 * The accuracy axis's range: the test points' span with a little room above and below, within
 * 0–100 %. Fitted to the test points, not the per-step training accuracy, whose first batches
 * (about 10 %) would stretch the axis to 5–100 % and squash the band where soft and snapped differ.
 */
final class AccuracyRange {

    /** Room above and below the points, as a share of their span. */
    static final double PADDING = 0.15;

    /** The least room, in percentage points, so one point or a flat line still gets a readable axis. */
    static final double MIN_PADDING = 0.5;

    private AccuracyRange() {
    }

    /** [min, max] of the axis, or null when there is no finite point to fit. */
    static double[] fit(List<DataSet> dataSets) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DataSet data : dataSets) {
            for (int i = 0; i < data.getDataCount(); i++) {
                double y = data.get(DataSet.DIM_Y, i);
                if (Double.isFinite(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        return lo > hi ? null : padded(lo, hi);
    }

    static double[] padded(double lo, double hi) {
        double pad = Math.max(MIN_PADDING, PADDING * (hi - lo));
        return new double[] {Math.max(0, lo - pad), Math.min(100, hi + pad)};
    }
}
