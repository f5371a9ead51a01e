package org.ringlab.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ringlab.config.RunConfig;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;

/**
 * A run as the store holds it. Immutable.
 *
 * @param startedAt when training first started (null if it never did)
 * @param endedAt when it last reached a terminal status (null while pending, running or paused)
 * @param elapsedSeconds training wall time recorded by its last epoch
 * @param steps every step, or an evenly thinned subset when the load asked for fewer (see {@link
 *     RunStore#load(long, int)})
 * @param totalSteps how many steps are recorded, whatever {@code steps} holds
 * @param checkpoint the resumable checkpoint, or null when the run has none yet
 */
public record StoredRun(long id, String name, RunConfig config, String configJson, RunStatus status,
        String statusMessage, String device, Instant createdAt, Instant startedAt, Instant endedAt,
        double elapsedSeconds, List<EpochMetrics> epochs, List<StepMetrics> steps, int totalSteps,
        List<PositionSnapshot> snapshots, List<String> info, Path directory, Path checkpoint) {

    public StoredRun {
        epochs = List.copyOf(epochs);
        steps = List.copyOf(steps);
        snapshots = List.copyOf(snapshots);
        info = List.copyOf(info);
    }
}
