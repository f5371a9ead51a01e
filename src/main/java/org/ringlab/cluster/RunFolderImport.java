package org.ringlab.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Brings the run folders of a local copy of a sweep into the workspace's run store: each folder
 * once, and again only when it moved on (more epochs, a final status). What {@code ringlab
 * import-runs DIR --workspace W} does.
 */
@FunctionalInterface
public interface RunFolderImport {
    /**
     * @param sweepDir a folder holding one sub-folder per run
     * @return each imported run's folder name and its id in the store
     */
    Map<String, Long> importRuns(Path sweepDir) throws IOException;
}
