package org.ringlab.ui;

import java.nio.file.Path;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RecordedRunHandle;
import org.ringlab.service.RunHandle;
import org.ringlab.service.RunHistory;
import org.ringlab.train.RunStatus;

/**
 * A run of a sweep on a cluster, as last imported into the workspace's store, with what Slurm said
 * about it at that poll ("running · epoch 2/3 · slurm RUNNING"). Read-only: Slurm trains it.
 */
final class ClusterRunHandle implements RecordedRunHandle {
    private final RunHandle stored;
    private final String slurm;

    ClusterRunHandle(RunHandle stored, String slurm) {
        this.stored = stored;
        this.slurm = slurm;
    }

    /** Slurm's view at the last poll, for the runs list. */
    String slurm() {
        return slurm;
    }

    @Override
    public String id() {
        return stored.id();
    }

    @Override
    public String name() {
        return stored.name();
    }

    @Override
    public RunConfig config() {
        return stored.config();
    }

    @Override
    public Path directory() {
        return stored.directory();
    }

    @Override
    public RunStatus status() {
        return stored.status();
    }

    @Override
    public String statusMessage() {
        return slurm;
    }

    @Override
    public RunHistory history() {
        return stored.history();
    }
}
