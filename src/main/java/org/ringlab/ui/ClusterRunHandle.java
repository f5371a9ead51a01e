package org.ringlab.ui;

import org.ringlab.service.RecordedRunHandle;
import org.ringlab.service.RunHandle;

/**
 * A run of a sweep on a cluster, as last imported into the workspace's store, with what Slurm said
 * about it at that poll ("running · epoch 2/3 · slurm RUNNING"). Read-only: Slurm trains it.
 */
final class ClusterRunHandle extends RecordedRunHandle {
    private final String slurm;

    ClusterRunHandle(RunHandle stored, String slurm) {
        super(stored.id(), stored.name(), stored.config(), stored.directory(), stored.status(), slurm, stored.history());
        this.slurm = slurm;
    }

    /** Slurm's view at the last poll, for the runs list. */
    String slurm() {
        return slurm;
    }
}
