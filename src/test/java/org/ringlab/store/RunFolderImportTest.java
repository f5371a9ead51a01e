package org.ringlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfigJson;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;

/**
 * A run folder written on a cluster node, brought into a store while it runs and again once it
 * moved on: one store run per folder, its epochs complete and never doubled.
 */
class RunFolderImportTest {
    @TempDir
    Path tmp;

    private static EpochMetrics epoch(int e) {
        return new EpochMetrics(e, 10 * e, 1.0 / e, 50 + e, 60 + e, 40 + e, 55 + e, 1e-3, 1000, 1.5, 1.5 * e);
    }

    @Test
    void importsOnceAndAddsOnlyWhatTheRunRecordedSince() throws Exception {
        Path run = tmp.resolve("sweep").resolve("lenet-ring-triangle8-s1");
        Files.createDirectories(run);
        RunConfigJson.write(RunStoreTest.CONFIG.toBuilder().name("lenet-ring-triangle8-s1").build(),
                run.resolve(RunRecorder.CONFIG));
        try (RunRecorder recorder = new RunRecorder(run)) {
            recorder.onStatus(RunStatus.RUNNING, "training");
            recorder.onSnapshot(RunStoreTest.snapshot(5, 1));
            recorder.onEpoch(epoch(1));
        }
        Path ws = tmp.resolve("ws");
        try (RunStore store = RunStore.open(ws)) {
            RunFolderImport importer = new RunFolderImport(store);
            RunFolderImport.Result first = importer.importRun(run, RunStatus.RUNNING, "running on n1", "slurm job 7_0");
            assertEquals(RunFolderImport.Change.IMPORTED, first.change());
            assertEquals(1, first.epochs());
            // a running run trained elsewhere is not "abandoned" by a process of this machine
            assertEquals(List.of(), store.markAbandonedRunsInterrupted());
            assertEquals(RunStatus.RUNNING, store.status(first.id()));

            RunFolderImport.Result same = importer.importRun(run, RunStatus.RUNNING, "running on n1", "slurm job 7_0");
            assertEquals(RunFolderImport.Change.UNCHANGED, same.change());
            assertEquals(first.id(), same.id());

            // the task was requeued after epoch 1 and resumed: the record continues with epochs 2 and 3
            try (RunRecorder resumed = RunRecorder.resuming(run, 1, 10)) {
                resumed.onSnapshot(RunStoreTest.snapshot(20, 2));
                resumed.onEpoch(epoch(2));
                resumed.onEpoch(epoch(3));
                resumed.onStatus(RunStatus.FINISHED, "finished 3 epochs (resumed)");
            }
            RunFolderImport.Result moved = importer.importRun(run, RunStatus.FINISHED, "finished 3 epochs", null);
            assertEquals(RunFolderImport.Change.UPDATED, moved.change());
            assertEquals(2, moved.added());
            StoredRun stored = store.load(first.id());
            assertEquals(List.of(1, 2, 3), stored.epochs().stream().map(EpochMetrics::epoch).toList());
            assertEquals(List.of(5, 20), stored.snapshots().stream().map(s -> s.step()).toList());
            assertEquals(RunStatus.FINISHED, stored.status());
            assertEquals(1, store.listRuns().size());
            assertEquals(run.toAbsolutePath().toString(),
                    Files.readString(store.runDirectory(first.id()).resolve(RunFolderImport.SOURCE)).strip());
        }
    }

    @Test
    void resumingARunFolderDropsWhatCameAfterTheCheckpoint() throws Exception {
        Path run = tmp.resolve("run");
        try (RunRecorder recorder = new RunRecorder(run)) {
            recorder.onSnapshot(RunStoreTest.snapshot(10, 1));
            recorder.onEpoch(epoch(1));
            recorder.onSnapshot(RunStoreTest.snapshot(15, 2)); // half of epoch 2, then the node was preempted
            recorder.onInfo("device cpu()");
        }
        try (RunRecorder resumed = RunRecorder.resuming(run, 1, 10)) {
            resumed.onEpoch(epoch(2));
        }
        List<String> metrics = Files.readAllLines(run.resolve(RunRecorder.METRICS));
        assertEquals(3, metrics.size(), String.join("\n", metrics));
        assertTrue(metrics.get(0).startsWith("epoch,step,"), metrics.get(0));
        assertTrue(metrics.get(1).startsWith("1,10,") && metrics.get(2).startsWith("2,20,"), metrics.toString());
        List<String> snapshots = Files.readAllLines(run.resolve(RunRecorder.SNAPSHOTS));
        assertEquals(1, snapshots.size(), "the half epoch's snapshot is dropped");
        assertTrue(Files.readString(run.resolve(RunRecorder.RUN_INFO)).contains("\"resumed\" : 1"));
    }
}
