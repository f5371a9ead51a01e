package org.ringlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;

class RunStoreTest {

    static final RunConfig CONFIG = RunConfig.defaults().toBuilder().epochs(3).build();

    /** Records a plausible run: 2 epochs of 10 steps, snapshots every 5 steps, info lines. */
    static void record(StoreRecorder r, int epochs) {
        r.onInfo("device cpu()");
        r.onStatus(RunStatus.RUNNING, "training");
        r.onSnapshot(snapshot(0, 0));
        int step = 0;
        for (int e = 1; e <= epochs; e++) {
            for (int i = 1; i <= 10; i++) {
                step++;
                r.onStep(new StepMetrics(step, e, i, 10, 2.0 / step, 10.0 * e, 1e-3));
                if (step % 5 == 0) {
                    r.onSnapshot(snapshot(step, e));
                }
            }
            r.onEpoch(new EpochMetrics(e, step, 1.0 / e, 50 + e, 60 + e, 40 + e, 55 + e, 1e-3, 1000, 1.5, 1.5 * e));
        }
    }

    static PositionSnapshot snapshot(int step, int epoch) {
        LayerSnapshot layer = new LayerSnapshot("conv1", 8, 2, 16, new int[] {1, 2, 3, 4, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1},
                new long[] {3, 4, 1, 2, 0, 1, 2, 3}, step == 0 ? Double.NaN : 0.25, 1.5, 0.125);
        return new PositionSnapshot(step, epoch, epoch, List.of(layer));
    }

    @Test
    void recordsListsLoadsAndDeletesRuns(@TempDir Path ws) {
        try (RunStore store = RunStore.open(ws)) {
            assertEquals(Schema.CURRENT, store.schemaVersion());
            long a = store.createRun(CONFIG, "first", "cpu()");
            long b = store.createRun(CONFIG.toBuilder().model(ModelKind.MLP).method(Method.FP32).build(), null, "cpu()");
            try (StoreRecorder r = store.recorder(a)) {
                record(r, 2);
                r.onStatus(RunStatus.FINISHED, "finished 2 epochs");
            }
            List<RunSummary> runs = store.listRuns();
            assertEquals(List.of(b, a), runs.stream().map(RunSummary::id).toList(), "newest first");
            RunSummary sa = runs.get(1);
            assertEquals("first", sa.name());
            assertEquals("ring", sa.method());
            assertEquals("lenet", sa.model());
            assertEquals(RunStatus.FINISHED, sa.status());
            assertEquals(2, sa.epochsDone());
            assertEquals(3, sa.epochsTotal());
            assertEquals(62.0, sa.lastTestAccSoft());
            assertEquals(42.0, sa.lastTestAccSnapped());
            RunSummary sb = runs.get(0);
            assertEquals("mlp fp32", sb.name());
            assertEquals(RunStatus.PENDING, sb.status());
            assertTrue(Double.isNaN(sb.lastTestAccSoft()));

            StoredRun run = store.load(a);
            assertEquals(CONFIG, run.config());
            assertEquals(2, run.epochs().size());
            assertEquals(new EpochMetrics(2, 20, 0.5, 52, 62, 42, 57, 1e-3, 1000, 1.5, 3.0), run.epochs().get(1));
            assertEquals(20, run.steps().size());
            assertEquals(new StepMetrics(7, 1, 7, 10, 2.0 / 7, 10.0, 1e-3), run.steps().get(6));
            assertEquals(5, run.snapshots().size());
            PositionSnapshot s0 = run.snapshots().get(0);
            assertTrue(Double.isNaN(s0.layers().get(0).slotChangeRate()));
            PositionSnapshot s2 = run.snapshots().get(2);
            assertEquals(10, s2.step());
            assertEquals(snapshot(10, 2).layers().get(0).layer(), s2.layers().get(0).layer());
            assertEquals(List.of(1, 2, 3, 4, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1),
                    java.util.Arrays.stream(s2.layers().get(0).histogram()).boxed().toList());
            assertEquals(List.of("device cpu()"), run.info());
            assertEquals(3.0, run.elapsedSeconds());
            assertNotNull(run.startedAt());
            assertNotNull(run.endedAt());
            assertNull(run.checkpoint(), "no checkpoint was written");
            assertTrue(Files.isRegularFile(run.directory().resolve("config.json")));

            StoredRun thin = store.load(a, 5);
            assertEquals(20, thin.totalSteps());
            assertEquals(List.of(4, 8, 12, 16, 20), thin.steps().stream().map(StepMetrics::step).toList());

            store.deleteRun(a);
            assertEquals(List.of(b), store.listRuns().stream().map(RunSummary::id).toList());
            assertFalse(Files.exists(ws.resolve("runs").resolve(Long.toString(a))));
            assertTrue(Files.isDirectory(store.runDirectory(b)), "the other run keeps its folder");
            StoreException gone = assertThrows(StoreException.class, () -> store.load(a));
            assertTrue(gone.getMessage().contains("no run " + a), gone.getMessage());
            assertEquals("ok", store.integrityCheck());
        }
    }

    @Test
    void stepsAreCommittedWithinAFractionOfASecondWithoutAnyOtherEvent(@TempDir Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            long id = store.createRun(CONFIG, "x", "cpu()");
            try (StoreRecorder r = store.recorder(id);
                    Connection reader = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile())) {
                r.onStatus(RunStatus.RUNNING, "training");
                r.onStep(new StepMetrics(1, 1, 1, 10, 1.0, 10, 1e-3));
                long deadline = System.nanoTime() + 3 * StoreRecorder.FLUSH_MILLIS * 1_000_000L;
                int seen = 0;
                while (seen == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    try (Statement s = reader.createStatement();
                            var rs = s.executeQuery("SELECT COUNT(*) FROM steps")) {
                        seen = rs.getInt(1);
                    }
                }
                assertEquals(1, seen, "a step waits at most ~" + StoreRecorder.FLUSH_MILLIS + " ms for its commit");
            }
        }
    }

    @Test
    void abandonedRunsAreMarkedInterruptedAndLiveOnesAreNot(@TempDir Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            long dead = store.createRun(CONFIG, "dead", "cpu()");
            long live = store.createRun(CONFIG, "live", "cpu()");
            long done = store.createRun(CONFIG, "done", "cpu()");
            store.updateStatus(done, RunStatus.FINISHED, "finished");
            try (StoreRecorder r = store.recorder(live)) {
                r.onStatus(RunStatus.RUNNING, "training");
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
                    Statement s = c.createStatement()) {
                // a process that certainly no longer exists: this pid with another start time
                s.executeUpdate("UPDATE runs SET status = 'running', owner = '" + ProcessHandle.current().pid() + "@"
                        + java.net.InetAddress.getLocalHost().getHostName() + "@1970-01-01T00:00:00Z' WHERE id = " + dead);
            }
            assertEquals(List.of(dead), store.markAbandonedRunsInterrupted());
            assertEquals(RunStatus.INTERRUPTED, store.status(dead));
            assertTrue(store.load(dead).statusMessage().contains("resumable"), store.load(dead).statusMessage());
            assertNotNull(store.load(dead).endedAt());
            assertEquals(RunStatus.RUNNING, store.status(live), "its owner (this JVM) is alive");
            assertEquals(RunStatus.FINISHED, store.status(done));
            assertTrue(store.markInterrupted(live, "the worker was lost"));
            assertFalse(store.markInterrupted(done, "no"), "a finished run stays finished");
        }
    }

    @Test
    void aRunWithoutACheckpointIsNotSilentlyStartedOverAndARestartKeepsItsHistory(@TempDir Path ws) {
        try (RunStore store = RunStore.open(ws)) {
            long id = store.createRun(CONFIG, "early death", "cpu");
            assertFalse(store.hasHistory(id));
            try (StoreRecorder r = store.recorder(id)) {
                record(r, 1); // no checkpoint file: it "died" before writing one (or the file was removed)
            }
            assertTrue(store.hasHistory(id));
            StoreException again = assertThrows(StoreException.class,
                    () -> new StoredTraining(store).train(id, null, new org.ringlab.train.RunControl()));
            assertTrue(again.getMessage().contains("resume it instead"), again.getMessage());
            StoreException live = assertThrows(StoreException.class, () -> store.prepareResume(id));
            assertTrue(live.getMessage().contains("is running in a live process"), live.getMessage());
            assertTrue(store.markInterrupted(id, "its worker was lost"));
            StoredRun before = store.load(id);

            // a plain resume refuses, and nothing recorded is touched
            NoCheckpointException refused = assertThrows(NoCheckpointException.class, () -> store.prepareResume(id));
            assertTrue(refused.getMessage().startsWith("run " + id + " has no checkpoint to resume from"),
                    refused.getMessage());
            StoredRun untouched = store.load(id);
            assertEquals(before.epochs(), untouched.epochs());
            assertEquals(before.steps(), untouched.steps());
            assertEquals(before.snapshots().size(), untouched.snapshots().size());
            assertEquals(RunStatus.INTERRUPTED, untouched.status());
            assertEquals(List.of(), store.supersededAttempts(id));

            // an explicit restart starts from step 0 with the old history kept as attempt 1
            assertNull(store.prepareResume(id, true), "nothing to resume from");
            StoredRun run = store.load(id);
            assertEquals(0, run.totalSteps());
            assertEquals(List.of(), run.epochs());
            assertEquals(List.of(), run.snapshots());
            assertEquals(RunStatus.PENDING, run.status());
            assertFalse(store.hasHistory(id));
            assertEquals("device cpu()", run.info().get(0), "info lines stay");
            assertTrue(run.info().get(run.info().size() - 1).contains("superseded attempt 1"), run.info().toString());
            List<SupersededAttempt> attempts = store.supersededAttempts(id);
            assertEquals(1, attempts.size());
            SupersededAttempt first = attempts.get(0);
            assertEquals(1, first.attempt());
            assertEquals(RunStatus.INTERRUPTED, first.status());
            assertEquals(before.epochs(), first.epochs());
            assertEquals(10, first.steps());
            assertEquals(before.snapshots().size(), first.snapshots());

            // a second attempt that dies is superseded in turn, next to the first
            try (StoreRecorder r = store.recorder(id)) {
                record(r, 2);
            }
            store.markInterrupted(id, "lost again");
            assertThrows(NoCheckpointException.class, () -> store.prepareResume(id));
            store.prepareResume(id, true);
            assertEquals(List.of(1, 2), store.supersededAttempts(id).stream().map(SupersededAttempt::attempt).toList());
            assertEquals(20, store.supersededAttempts(id).get(1).steps());
            assertEquals(before.epochs(), store.supersededAttempts(id).get(0).epochs(), "attempt 1 is unchanged");
            assertEquals("ok", store.integrityCheck());

            // deleting the run deletes its attempts too
            store.updateStatus(id, RunStatus.STOPPED, "stopped");
            store.deleteRun(id);
            assertEquals(List.of(), store.supersededAttempts(id));
        }
    }

    @Test
    void aRestartFromScratchSetsAsideTheCheckpointItDoesNotUse(@TempDir Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            long id = store.createRun(CONFIG, "x", "cpu");
            try (StoreRecorder r = store.recorder(id)) {
                record(r, 1);
            }
            store.markInterrupted(id, "lost");
            Files.writeString(store.resumeCheckpoint(id), "RINGLAB-RESUME\n\0\0\0\1damaged");
            assertThrows(StoreException.class, () -> store.prepareResume(id), "a damaged checkpoint is refused");
            assertNull(store.prepareResume(id, true));
            assertFalse(Files.exists(store.resumeCheckpoint(id)), "the restart cannot resume from the old one");
            assertEquals("RINGLAB-RESUME\n\0\0\0\1damaged",
                    Files.readString(store.runDirectory(id).resolve("attempt-1." + RunStore.RESUME_CHECKPOINT)));
            assertEquals(10, store.supersededAttempts(id).get(0).steps());
        }
    }

    @Test
    void aFullDiskAtResumeSaysSoAndChangesNothing(@TempDir Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            long id = store.createRun(CONFIG, "x", "cpu");
            try (StoreRecorder r = store.recorder(id)) {
                record(r, 2);
            }
            store.markInterrupted(id, "lost");
            Files.writeString(store.resumeCheckpoint(id), "not read: the restart sets it aside");
            StoredRun before = store.load(id);
            // SQLite's answer to a full disk at commit: SQLITE_FULL, and the transaction is rolled back
            // (here a trigger raises it while the resume writes)
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER disk_full BEFORE UPDATE OF status ON runs WHEN NEW.status = 'pending' "
                        + "BEGIN SELECT RAISE(ROLLBACK, 'database or disk is full'); END");
            }
            StoreException full = assertThrows(StoreException.class, () -> store.prepareResume(id, true));
            System.out.println(full.getMessage());
            assertTrue(full.getMessage().startsWith("run " + id + " cannot restart: cannot write the run store "
                    + store.databaseFile() + ": the disk is full"), full.getMessage());
            assertFalse(full.getMessage().contains("no transaction is active"), full.getMessage());
            // nothing changed (the checkpoint is back in its place), and the store works once there is room
            StoredRun after = store.load(id);
            assertEquals(before.epochs(), after.epochs());
            assertEquals(before.totalSteps(), after.totalSteps());
            assertEquals(RunStatus.INTERRUPTED, after.status());
            assertEquals(List.of(), store.supersededAttempts(id));
            assertEquals("not read: the restart sets it aside", Files.readString(store.resumeCheckpoint(id)));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
                    Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER disk_full");
            }
            assertNull(store.prepareResume(id, true));
            assertEquals(20, store.supersededAttempts(id).get(0).steps());
            assertEquals("ok", store.integrityCheck());
        }
    }

    @Test
    void aDamagedCheckpointIsNotSilentlyReplaced(@TempDir Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            long id = store.createRun(CONFIG, "x", "cpu");
            Files.writeString(store.resumeCheckpoint(id), "RINGLAB-RESUME\n\0\0\0\1garbage");
            StoreException e = assertThrows(StoreException.class, () -> store.prepareResume(id));
            assertTrue(e.getMessage().contains(store.resumeCheckpoint(id).toString()), e.getMessage());
            System.out.println(e.getMessage());
        }
    }

    @Test
    void aFailedWriteIsReportedOnceThenTheRecorderOnlyRecordsTheEnd(@TempDir Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            long id = store.createRun(CONFIG, "x", "cpu");
            try (StoreRecorder r = store.recorder(id)) {
                r.onStatus(RunStatus.RUNNING, "training");
                r.onEpoch(new EpochMetrics(1, 10, 1, 50, 60, 40, 55, 1e-3, 1000, 1, 1));
                // the steps table goes missing under the recorder: every later step write fails
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
                        Statement s = c.createStatement()) {
                    s.execute("DROP TABLE steps");
                }
                r.onStep(new StepMetrics(11, 2, 1, 10, 1, 50, 1e-3));
                StoreException e = assertThrows(StoreException.class,
                        () -> r.onEpoch(new EpochMetrics(2, 20, 1, 50, 60, 40, 55, 1e-3, 1000, 1, 2)));
                assertTrue(e.getMessage().startsWith("the run store " + store.databaseFile()), e.getMessage());
                r.onStep(new StepMetrics(12, 2, 2, 10, 1, 50, 1e-3)); // dropped, not thrown again
                r.onStatus(RunStatus.FAILED, e.getMessage());
            }
            RunSummary run = store.listRuns().get(0);
            assertEquals(RunStatus.FAILED, run.status());
            assertEquals(1, run.epochsDone(),
                    "the epoch committed before the failure stays; the one whose write failed is not half there");
        }
    }
}
