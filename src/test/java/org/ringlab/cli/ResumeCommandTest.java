package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataSets;
import org.ringlab.store.RunLock;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoredRun;
import org.ringlab.store.StoredTraining;
import org.ringlab.store.SupersededAttempt;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/** {@code ringlab resume}: never deletes history, never trains a run another trainer holds. */
class ResumeCommandTest {

    /** A run of two epochs stopped after its first, then its checkpoint removed. */
    private static long stoppedRunWithoutCheckpoint(Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            RunConfig config = RunConfig.defaults().toBuilder().data(Cli.SAMPLE_DATA.toString())
                    .model(org.ringlab.config.ModelKind.MLP).limitTrain(512).limitTest(256).epochs(2).threads(1)
                    .bnRecalBatches(2).build();
            long id = store.createRun(config, "no checkpoint", "cpu");
            RunControl control = new RunControl();
            TrainingListener stopAfterOne = new TrainingListener() {
                @Override
                public void onEpoch(EpochMetrics epoch) {
                    control.stop();
                }
            };
            new StoredTraining(store).train(id, DataSets.load(Path.of(config.data())), control, stopAfterOne);
            assertEquals(RunStatus.STOPPED, store.status(id));
            Files.delete(store.resumeCheckpoint(id));
            return id;
        }
    }

    @Test
    void withoutACheckpointItRefusesUntilToldToRestartAndThenKeepsTheOldHistory(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        long id = stoppedRunWithoutCheckpoint(ws);
        StoredRun before;
        try (RunStore store = RunStore.open(ws)) {
            before = store.load(id);
        }
        assertEquals(1, before.epochs().size());

        String refused = Cli.run("resume", Long.toString(id), "--workspace", ws.toString()).assertUsageError();
        System.out.println(refused);
        assertTrue(refused.startsWith("ringlab: run " + id + " has no checkpoint to resume from ("), refused);
        assertTrue(refused.contains("pass --from-scratch to restart it from step 0"), refused);
        try (RunStore store = RunStore.open(ws)) {
            StoredRun untouched = store.load(id);
            assertEquals(before.epochs(), untouched.epochs(), "nothing recorded is deleted");
            assertEquals(before.totalSteps(), untouched.totalSteps());
            assertEquals(RunStatus.STOPPED, untouched.status());
        }

        // the folder's files as a worker would have left them for the first attempt
        Path dir = ws.resolve("runs").resolve(Long.toString(id));
        Files.writeString(dir.resolve("metrics.csv"), "epoch,step\n1,4\n");
        Files.writeString(dir.resolve("snapshots.jsonl"), "{\"step\":0}\n{\"step\":4}\n");
        Cli.Result restart = Cli.run("resume", Long.toString(id), "--from-scratch", "--workspace", ws.toString());
        assertEquals(0, restart.code(), restart.err());
        assertTrue(restart.out().startsWith("restarting run " + id), restart.out());
        assertTrue(restart.out().contains("epoch 1/2 ") && restart.out().contains("epoch 2/2 "), restart.out());
        try (RunStore store = RunStore.open(ws)) {
            StoredRun after = store.load(id);
            assertEquals(RunStatus.FINISHED, after.status(), after.statusMessage());
            assertEquals(List.of(1, 2), after.epochs().stream().map(EpochMetrics::epoch).toList());
            assertEquals(1, after.steps().get(0).step(), "the new attempt starts at step 0");
            List<SupersededAttempt> attempts = store.supersededAttempts(id);
            assertEquals(1, attempts.size());
            assertEquals(before.epochs(), attempts.get(0).epochs(), "the first attempt's epoch is kept");
            assertEquals(before.totalSteps(), attempts.get(0).steps());
            assertEquals(RunStatus.STOPPED, attempts.get(0).status());
            List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
            assertEquals(3, metrics.size(), "a header and the new attempt's two epochs: " + metrics);
            assertTrue(metrics.get(1).startsWith("1,") && metrics.get(2).startsWith("2,"), metrics.toString());
            assertEquals(after.snapshots().size(), Files.readAllLines(dir.resolve("snapshots.jsonl")).size());
        }
    }

    @Test
    void aRunAnotherTrainerHoldsIsRefusedWithoutTouchingIt(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        long id = stoppedRunWithoutCheckpoint(ws);
        try (RunStore store = RunStore.open(ws); RunLock held = store.lock(id)) {
            String refused = Cli.run("resume", Long.toString(id), "--from-scratch", "--workspace", ws.toString())
                    .assertUsageError();
            System.out.println(refused);
            assertTrue(refused.startsWith("ringlab: run " + id + " is already being trained by process "
                    + ProcessHandle.current().pid()), refused);
            assertEquals(List.of(), store.supersededAttempts(id), "no restart happened");
            assertEquals(1, store.load(id).epochs().size());
        }
    }
}
