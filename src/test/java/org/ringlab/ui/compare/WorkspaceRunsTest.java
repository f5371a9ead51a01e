package org.ringlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoreRecorder;
import org.ringlab.tables.RecordedRun;
import org.ringlab.tables.RunSummary;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunStatus;

/** The store's runs as the comparison reads them: epochs from the store, queued runs left out, re-read on change. */
class WorkspaceRunsTest {
    @TempDir
    Path workspace;

    private static EpochMetrics epoch(int e, double soft) {
        return new EpochMetrics(e, e * 10, 1.0, 50, soft, soft - 2, soft - 1, 1e-3, 100, 1, e);
    }

    @Test
    void runsAreReadFromTheStoreAndAgainOnlyWhenTheyChange() {
        try (RunStore store = RunStore.open(workspace)) {
            long a = store.createRun(RunConfig.defaults(), "a", "cpu");
            store.createRun(RunConfig.defaults(), "queued", "cpu");
            StoreRecorder r = store.recorder(a);
            r.onStatus(RunStatus.RUNNING, "training");
            r.onEpoch(epoch(1, 90));
            r.flush();
            WorkspaceRuns runs = new WorkspaceRuns(store);
            List<String> skipped = new ArrayList<>();
            List<RecordedRun> first = runs.read(skipped);
            assertEquals(List.of("a"), first.stream().map(RecordedRun::name).toList(), "the queued run has nothing yet");
            assertEquals("running", first.get(0).status());
            assertEquals(90.0, RunSummary.of(first.get(0)).finalSoft());
            assertSame(first.get(0), runs.read(skipped).get(0), "unchanged: not loaded again");
            String before = runs.version();
            r.onEpoch(epoch(2, 95));
            r.onStatus(RunStatus.FINISHED, "finished");
            r.close();
            assertEquals(false, before.equals(runs.version()), "the version follows the epochs");
            RecordedRun again = runs.read(skipped).get(0);
            assertEquals("finished", again.status());
            assertEquals(95.0, RunSummary.of(again).finalSoft());
            assertEquals(93.0, RunSummary.of(again).finalSnapped());
            assertEquals(List.of(), skipped);
        }
    }
}
