package org.ringlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.store.RunStore;
import org.ringlab.store.RunSummary;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;

/**
 * The window's import of a cluster sweep's copied run folders: started runs enter the store with
 * the state Slurm reported, once each, and follow it as the sweep moves on; runs not yet started
 * are not listed.
 */
class StoreImportTest {
    @TempDir
    Path tmp;

    private static EpochMetrics epoch(int e) {
        return new EpochMetrics(e, 10 * e, 1.0 / e, 50 + e, 60 + e, 40 + e, 55 + e, 1e-3, 1000, 1.5, 1.5 * e);
    }

    private Path runFolder(Path copy, String name) throws Exception {
        Path run = copy.resolve(name);
        Files.createDirectories(run);
        RunConfigJson.write(RunConfig.defaults().toBuilder().epochs(2).name(name).build(), run.resolve(RunRecorder.CONFIG));
        return run;
    }

    @Test
    void startedRunsAreListedWithTheirSlurmStateAndFollowTheSweep() throws Exception {
        Path copy = tmp.resolve("copy");
        Path started = runFolder(copy, "lenet-ring-triangle8-s1");
        runFolder(copy, "lenet-ring-triangle8-s2"); // config only: its task has not started
        try (RunRecorder recorder = new RunRecorder(started)) {
            recorder.onStatus(RunStatus.RUNNING, "training");
            recorder.onEpoch(epoch(1));
        }
        // the cluster's absolute paths: the copy is found by folder name, never by that path
        SweepStatus running = new SweepStatus("42", List.of(
                new SweepStatus.Run(0, "lenet-ring-triangle8-s1", "/cluster/home/u/sweep/lenet-ring-triangle8-s1",
                        "running", 1, 2, null, "RUNNING"),
                new SweepStatus.Run(1, "lenet-ring-triangle8-s2", "/cluster/home/u/sweep/lenet-ring-triangle8-s2",
                        "pending", 0, 2, null, "PENDING")));

        try (RunStore store = RunStore.open(tmp.resolve("ws"))) {
            StoreImport runsImport = new StoreImport(store);
            Map<String, Long> ids = runsImport.importRuns(copy, running);
            assertEquals(List.of("lenet-ring-triangle8-s1"), List.copyOf(ids.keySet()), "only the started run");
            RunSummary listed = store.listRuns().get(0);
            assertEquals(RunStatus.RUNNING, listed.status(), "a run training on a node is not abandoned here");
            assertEquals(1, listed.epochsDone());
            assertTrue(listed.statusMessage().contains("slurm RUNNING"), listed.statusMessage());

            try (RunRecorder resumed = RunRecorder.resuming(started, 1, 10)) {
                resumed.onEpoch(epoch(2));
                resumed.onStatus(RunStatus.FINISHED, "finished 2 epochs");
            }
            SweepStatus finished = new SweepStatus("42", List.of(
                    new SweepStatus.Run(0, "lenet-ring-triangle8-s1", "/cluster/home/u/sweep/lenet-ring-triangle8-s1",
                            "finished", 2, 2, null, "COMPLETED")));
            Map<String, Long> again = runsImport.importRuns(copy, finished);
            assertEquals(ids.get("lenet-ring-triangle8-s1"), again.get("lenet-ring-triangle8-s1"), "the same store run");
            assertEquals(1, store.listRuns().size(), "imported once");
            RunSummary done = store.listRuns().get(0);
            assertEquals(RunStatus.FINISHED, done.status());
            assertEquals(2, done.epochsDone());
        }
    }
}
