package org.ringlab.ui.charts;

import java.util.ArrayList;
import java.util.List;
import org.ringlab.train.EpochMetrics;

/**
 * What snapping the weights to the ring costs, epoch by epoch, in percentage points: the soft
 * accuracy minus the snapped one (how much is lost by snapping), and the snapped accuracy with
 * BatchNorm re-estimated minus the plain snapped one (how much of that re-estimating wins back).
 * Plain arithmetic on the epoch records, kept apart from the charts so it can be checked alone.
 *
 * @param epoch the epoch number
 * @param step the step the epoch ended at
 * @param softMinusSnapped soft − snapped; NaN where the run snaps nothing (FP32) or a value is missing
 * @param bnMinusSnapped snapped + BN − snapped; NaN likewise
 */
public record QuantizationGap(int epoch, int step, double softMinusSnapped, double bnMinusSnapped) {

    /** The gaps of one epoch. */
    public static QuantizationGap of(EpochMetrics epoch) {
        // NaN − x is NaN, so an FP32 run (snapped NaN) gets no gap rather than a made-up one
        return new QuantizationGap(epoch.epoch(), epoch.step(), epoch.testAccSoft() - epoch.testAccSnapped(),
                epoch.testAccSnappedBn() - epoch.testAccSnapped());
    }

    /** The gaps of each epoch, in the order given. */
    public static List<QuantizationGap> of(List<EpochMetrics> epochs) {
        List<QuantizationGap> out = new ArrayList<>(epochs.size());
        for (EpochMetrics e : epochs) {
            out.add(of(e));
        }
        return out;
    }
}
