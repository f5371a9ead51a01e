package org.ringlab.store;

import java.time.Instant;
import java.util.List;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunStatus;

/**
 * The history a run recorded before it was restarted from step 0, kept in the store.
 *
 * @param attempt 1 for the first attempt a restart superseded, then 2, ...
 * @param status the run's status when it was superseded
 */
public record SupersededAttempt(int attempt, RunStatus status, String statusMessage, Instant supersededAt,
        List<EpochMetrics> epochs, int steps, int snapshots) {

    public SupersededAttempt {
        epochs = List.copyOf(epochs);
    }
}
