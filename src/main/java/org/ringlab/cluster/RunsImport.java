package org.ringlab.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Brings the run folders of a sweep's local copy into the workspace's run store: each folder once,
 * and again only when it moved on (more epochs, a final status), with the state Slurm reported.
 */
@FunctionalInterface
public interface RunsImport {
    /**
     * @param copy the local copy of the sweep's folder (one sub-folder per run)
     * @param status what the cluster said about each run at the time of the copy
     * @return each imported run's name (as in {@code status}) and its id in the store
     */
    Map<String, Long> importRuns(Path copy, SweepStatus status) throws IOException;
}
