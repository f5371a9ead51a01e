package org.ringlab.train;

import java.util.List;

/** How a run ended, with every epoch's metrics (a few hundred rows at most). */
public record TrainingOutcome(RunStatus status, String message, List<EpochMetrics> epochs, int steps) {

    public TrainingOutcome {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's metrics, or null when no epoch completed. */
    public EpochMetrics last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
