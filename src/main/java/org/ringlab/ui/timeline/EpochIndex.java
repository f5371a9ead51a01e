package org.ringlab.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import org.ringlab.train.PositionSnapshot;

/**
 * Between the timeline's two scales: the slider counts snapshots, replay and side-by-side views count
 * epochs done (a snapshot's {@code epochProgress}, 2.5 = halfway through the third epoch).
 */
public final class EpochIndex {
    private EpochIndex() {
    }

    /** The last snapshot taken at or before {@code epochs}; the first when none is that early. */
    public static int at(List<PositionSnapshot> snapshots, double epochs) {
        int lo = 0;
        int hi = snapshots.size() - 1;
        // snapshots are in training order, so their progress never falls
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (snapshots.get(mid).epochProgress() <= epochs + 1e-9) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The end of an epoch (1-based) at a place on the slider's snapshot scale. */
    public record EpochEnd(int epoch, double position) {
    }

    /**
     * Where each epoch ends on the slider's snapshot scale, interpolated between the snapshots either
     * side; only ends that lie within the recorded snapshots.
     */
    public static List<EpochEnd> epochEnds(List<PositionSnapshot> snapshots) {
        List<EpochEnd> ends = new ArrayList<>();
        if (snapshots.size() < 2) {
            return ends;
        }
        double first = snapshots.get(0).epochProgress();
        double last = snapshots.get(snapshots.size() - 1).epochProgress();
        int i = 1;
        for (int epoch = Math.max(1, (int) Math.floor(first) + 1); epoch <= last + 1e-9; epoch++) {
            while (snapshots.get(i).epochProgress() < epoch - 1e-9) {
                i++;
            }
            double before = snapshots.get(i - 1).epochProgress();
            double after = snapshots.get(i).epochProgress();
            double fraction = after > before ? (epoch - before) / (after - before) : 1;
            ends.add(new EpochEnd(epoch, i - 1 + Math.min(1, Math.max(0, fraction))));
        }
        return ends;
    }
}
