package org.ringlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.ResumeCheckpoint;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingOutcome;

/** SIGKILL of a process while it records: the store opens cleanly and the run goes on from its checkpoint. */
class KillTest {

    @Test
    void aTrainingProcessKilledMidEpochLeavesAResumableRun(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("ws");
        Path log = dir.resolve("child.log");
        Process child = ChildProcess.start(ws, "train", log);
        int[] seen = new int[2]; // epochs, steps committed at the last look before the kill
        ChildProcess.await(child, log, 120, "epoch 1 and some steps of epoch 2 were committed", () -> {
            int[] now = committed(ws);
            seen[0] = now[0];
            seen[1] = now[1];
            return now[0] >= 1 && now[1] >= 10 * now[0] + 3;
        });
        ChildProcess.killHard(child);
        assertTrue(seen[0] < 3, "the child should still have been training");

        LoadedData data = DataSets.load(Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data"));
        try (RunStore store = RunStore.open(ws)) {
            assertEquals("ok", store.integrityCheck());
            long id = store.listRuns().get(0).id();
            StoredRun killed = store.load(id);
            assertEquals(RunStatus.INTERRUPTED, killed.status(), "nobody recorded the end, and its process is gone");
            assertTrue(killed.epochs().size() >= seen[0], "committed epochs survive: " + killed.epochs().size());
            assertTrue(killed.totalSteps() >= seen[1], "committed steps survive: " + killed.totalSteps());
            assertEquals(List.of(id), store.markAbandonedRunsInterrupted());
            assertEquals(RunStatus.INTERRUPTED, store.status(id));
            int checkpointEpoch = ResumeCheckpoint.read(store.resumeCheckpoint(id)).epochsDone();
            assertEquals(killed.epochs().size(), checkpointEpoch, "every recorded epoch has its checkpoint");

            TrainingOutcome outcome = new StoredTraining(store).resume(id, data, new RunControl());
            assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());

            StoredRun run = store.load(id);
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(List.of(1, 2, 3), run.epochs().stream().map(EpochMetrics::epoch).toList());
            assertEquals(IntStream.rangeClosed(1, 30).boxed().toList(),
                    run.steps().stream().map(StepMetrics::step).toList(), "steps 1..30, each once");
            for (StepMetrics s : run.steps()) {
                assertEquals((s.step() - 1) / 10 + 1, s.epoch(), "step " + s.step() + " belongs to its epoch");
            }
            List<Integer> snapshotSteps = run.snapshots().stream().map(PositionSnapshot::step).toList();
            assertEquals(0, snapshotSteps.get(0));
            for (int i = 1; i < snapshotSteps.size(); i++) {
                assertTrue(snapshotSteps.get(i) > snapshotSteps.get(i - 1), "snapshots in order: " + snapshotSteps);
            }
            assertTrue(run.info().stream().anyMatch(l -> l.startsWith("resumed from")), run.info().toString());
            assertTrue(run.epochs().get(2).elapsedSeconds() > run.epochs().get(0).elapsedSeconds());
            assertTrue(Files.isRegularFile(run.directory().resolve("checkpoint.params")));
            assertEquals("ok", store.integrityCheck());
        }
    }

    @Test
    void anAppKilledWhileWritingEventsAtFullSpeedLeavesASoundDatabase(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("ws");
        Path log = dir.resolve("child.log");
        Process child = ChildProcess.start(ws, "events", log);
        ChildProcess.await(child, log, 60, "5000 steps were committed", () -> committed(ws)[1] >= 5000);
        ChildProcess.killHard(child);

        try (RunStore store = RunStore.open(ws)) {
            assertEquals("ok", store.integrityCheck());
            long id = store.listRuns().get(0).id();
            StoredRun run = store.load(id);
            int n = run.totalSteps();
            assertTrue(n >= 5000, "steps committed before the kill are there: " + n);
            // every commit is whole: no hole in the steps, an epoch row for each 500 steps reached
            assertEquals(IntStream.rangeClosed(1, n).boxed().toList(), run.steps().stream().map(StepMetrics::step).toList());
            int epochs = run.epochs().size();
            assertTrue(epochs >= n / 500 - 1 && epochs <= n / 500, epochs + " epochs for " + n + " steps");
            assertTrue(run.snapshots().size() >= n / 50 - 1, run.snapshots().size() + " snapshots");
            assertEquals(List.of(id), store.markAbandonedRunsInterrupted());
            System.out.printf("killed writer: %d steps, %d epochs, %d snapshots recorded before SIGKILL%n", n, epochs,
                    run.snapshots().size());
        }
    }

    /** {epochs, steps} committed so far, read as any other process would; zeros before the run exists. */
    private static int[] committed(Path ws) {
        Path db = ws.resolve(RunStore.DATABASE);
        if (!Files.exists(db)) {
            return new int[2];
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM epochs), (SELECT COUNT(*) FROM steps)")) {
            return new int[] {r.getInt(1), r.getInt(2)};
        } catch (SQLException e) {
            return new int[2]; // the child is still creating the tables
        }
    }
}
