package org.ringlab.ui.talk;

import java.util.List;
import org.ringlab.train.EpochMetrics;

/** Which epoch's test figures belong to a moment of a run. */
public final class EpochAt {
    private EpochAt() {
    }

    /**
     * The last epoch evaluated at or before {@code step}: a snapshot scrubbed to mid-epoch 3 shows
     * epoch 2's figures, the newest ones measured by then. Null before the first evaluation.
     *
     * @param epochs in training order
     */
    public static EpochMetrics step(List<EpochMetrics> epochs, int step) {
        EpochMetrics out = null;
        for (EpochMetrics e : epochs) {
            if (e.step() > step) {
                break;
            }
            out = e;
        }
        return out;
    }

    /** The newest epoch, null if none. */
    public static EpochMetrics latest(List<EpochMetrics> epochs) {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
