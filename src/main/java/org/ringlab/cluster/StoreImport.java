package org.ringlab.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ringlab.store.RunFolderImport;
import org.ringlab.store.RunStore;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;

/**
 * {@link RunsImport} into a run store through the same import as {@code ringlab import-runs}, with
 * the state the cluster reported. Each copied folder is imported directly, so a sweep manifest that
 * names the cluster's absolute paths is never followed on the desktop.
 */
public final class StoreImport implements RunsImport {
    private final RunFolderImport importer;

    public StoreImport(RunStore store) {
        this.importer = new RunFolderImport(store);
    }

    @Override
    public Map<String, Long> importRuns(Path copy, SweepStatus status) throws IOException {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (SweepStatus.Run run : status.runs()) {
            Path dir = copy.resolve(run.folderName());
            if (!Files.isRegularFile(dir.resolve(RunRecorder.METRICS))) {
                continue; // not started yet: nothing to list
            }
            RunFolderImport.Result r = importer.importRun(dir, status(run.state()), run.describe(),
                    "slurm job " + status.job() + "_" + run.index());
            ids.put(run.name(), r.id());
        }
        return ids;
    }

    static RunStatus status(String state) {
        return switch (state) {
            case "finished" -> RunStatus.FINISHED;
            case "failed" -> RunStatus.FAILED;
            case "cancelled" -> RunStatus.STOPPED;
            case "running" -> RunStatus.RUNNING;
            default -> RunStatus.PENDING; // pending, requeued
        };
    }
}
