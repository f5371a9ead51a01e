package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.OptimizerKind;
import org.ringlab.config.RunConfig;

class TrainerTest {

    private static RunConfig.Builder small() {
        return RunConfig.defaults().toBuilder().data(SampleData.dir().toString()).limitTrain(3000).limitTest(1000)
                .snapshotEvery(10).bnRecalBatches(10);
    }

    @Test
    void ringLeNetLearnsAndReportsSoftAndSnappedAccuracy(@TempDir Path dir) throws Exception {
        RunConfig config = small().limitTrain(4000).epochs(3).build();
        RecordingListener events = new RecordingListener();
        Path checkpoint = dir.resolve("checkpoint.params");
        TrainingOutcome outcome = new Trainer(config, SampleData.mnist()).checkpointTo(checkpoint)
                .run(events, new RunControl());

        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        assertEquals(3, outcome.epochs().size());
        EpochMetrics last = outcome.last();
        assertTrue(last.testAccSoft() > 85, "soft accuracy " + last.testAccSoft());
        assertTrue(last.trainLoss() < outcome.epochs().get(0).trainLoss(), "loss should fall");
        assertTrue(last.testAccSnapped() > 10 && last.testAccSnapped() <= 100, "snapped " + last.testAccSnapped());
        assertTrue(last.testAccSnappedBn() > 10, "snapped+BN " + last.testAccSnappedBn());
        assertTrue(Files.size(checkpoint) > 0);
        // 4000 images / 128 = 32 steps per epoch (the last one partial); a snapshot at step 0,
        // every 10 steps, and at the end
        int steps = outcome.steps();
        assertEquals(96, steps);
        assertEquals(steps, events.steps.size());
        assertEquals(1 + steps / 10 + 1, events.snapshots.size());
        PositionSnapshot first = events.snapshots.get(0);
        assertEquals(4, first.layers().size(), "LeNet has four ring layers");
        LayerSnapshot conv1 = first.layers().get(0);
        assertEquals("conv1", conv1.layer());
        assertEquals(8 * 8, conv1.histogram().length);
        assertEquals(conv1.positions(), java.util.Arrays.stream(conv1.histogram()).sum());
        assertTrue(Double.isNaN(conv1.slotChangeRate()), "no previous snapshot to compare with");
        assertFalse(Double.isNaN(events.snapshots.get(1).layers().get(0).slotChangeRate()));
        assertEquals(RunStatus.FINISHED, events.statuses.get(events.statuses.size() - 1));
    }

    @Test
    void fp32RunHasNoSnappedFigures() {
        RunConfig config = small().limitTrain(1000).epochs(1).method(Method.FP32).model(ModelKind.MLP).build();
        TrainingOutcome outcome = new Trainer(config, SampleData.mnist()).run(new RecordingListener(), new RunControl());
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        assertTrue(Double.isNaN(outcome.last().testAccSnapped()));
        assertTrue(outcome.last().testAccSoft() > 70, "fp32 MLP " + outcome.last().testAccSoft());
    }

    @Test
    void nanLossEndsTheRunAsDivergedWithoutAnException() {
        RunConfig config = small().limitTrain(2000).epochs(2).method(Method.FP32).model(ModelKind.MLP)
                .batchNorm(false).optimizer(OptimizerKind.SGD).lr(1e12).clipNorm(0).build();
        RecordingListener events = new RecordingListener();
        TrainingOutcome outcome = new Trainer(config, SampleData.mnist()).run(events, new RunControl());
        assertEquals(RunStatus.DIVERGED, outcome.status());
        assertTrue(outcome.message().contains("at epoch 1, step"), outcome.message());
        assertTrue(events.statuses.contains(RunStatus.DIVERGED));
        assertFalse(events.statuses.contains(RunStatus.FAILED));
    }

    @Test
    void pauseStepResumeAndStopBetweenSteps() throws Exception {
        RunConfig config = small().limitTrain(3000).epochs(50).model(ModelKind.MLP).build();
        RunControl control = new RunControl();
        RecordingListener events = new RecordingListener();
        control.pause();
        TrainingOutcome[] outcome = new TrainingOutcome[1];
        Thread t = new Thread(() -> outcome[0] = new Trainer(config, SampleData.mnist()).run(events, control));
        t.start();
        waitFor(() -> events.statuses.contains(RunStatus.PAUSED), events);
        assertEquals(0, events.steps.size(), "paused before the first step");
        control.step();
        waitFor(() -> events.steps.size() >= 1, events);
        Thread.sleep(300);
        assertEquals(1, events.steps.size(), "one step, then paused again; statuses " + events.statuses + " " + events.messages);
        control.resume();
        waitFor(() -> events.steps.size() >= 5, events);
        control.stop();
        t.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(t.isAlive());
        assertNotNull(outcome[0]);
        assertEquals(RunStatus.STOPPED, outcome[0].status());
        assertTrue(events.statuses.contains(RunStatus.RUNNING));
    }

    @Test
    void missingGpuFailsWithAMessageNotAnException() {
        RunConfig config = small().limitTrain(256).epochs(1).device(org.ringlab.config.DeviceKind.GPU).build();
        TrainingOutcome outcome = new Trainer(config, SampleData.mnist()).run(new RecordingListener(), new RunControl());
        if (ai.djl.engine.Engine.getInstance().getGpuCount() == 0) {
            assertEquals(RunStatus.FAILED, outcome.status());
            assertTrue(outcome.message().contains("no GPU"), outcome.message());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, RecordingListener events)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting; statuses " + events.statuses + " " + events.messages
                        + ", steps " + events.steps.size());
            }
            Thread.sleep(10);
        }
    }
}
