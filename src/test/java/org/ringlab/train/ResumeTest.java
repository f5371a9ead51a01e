package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.OptimizerKind;
import org.ringlab.config.RunConfig;
import org.ringlab.config.ScheduleSpec;

/**
 * A run interrupted after epoch 2 and resumed from its checkpoint ends exactly where the same run
 * trained straight through ends: same batches, same learning rates, same optimiser state.
 */
class ResumeTest {

    private static RunConfig.Builder small() {
        return RunConfig.defaults().toBuilder().data(SampleData.dir().toString()).limitTrain(512).limitTest(200)
                .batchSize(64).testBatchSize(200).epochs(3).snapshotEvery(1000).bnRecalBatches(2);
    }

    @Test
    void ringMlpWithAdamAndACosineScheduleResumesExactly(@TempDir Path dir) throws Exception {
        // cosine + warm-up: the learning rate depends on the epoch index, so a resume that
        // restarted the schedule would show at once. A ring MLP (positions, BatchNorm statistics,
        // snapshots) costs a fraction of a ring LeNet; parameters are restored the same way.
        assertResumesExactly(small().model(ModelKind.MLP).schedule(ScheduleSpec.parse("cosine")).warmupEpochs(0.5)
                .build(), dir);
    }

    @Test
    void mlpWithSgdNesterovMomentumResumesExactly(@TempDir Path dir) throws Exception {
        assertResumesExactly(small().model(ModelKind.MLP).method(Method.FP32).optimizer(OptimizerKind.SGD).lr(0.05)
                .nesterov(true).weightDecay(1e-4).build(), dir);
    }

    @Test
    void admmKeepsItsAuxiliaryAndDualVariablesAcrossAResume(@TempDir Path dir) throws Exception {
        // G-steps at every half epoch: epoch 3's proximal term reads G and λ, so a resume that lost them
        // (or restarted ρ's growth) would change the losses and the final parameters
        assertResumesExactly(small().model(ModelKind.MLP).method(Method.ADMM).admmEvery(0.5).admmRho(0.05).build(),
                dir);
    }

    @Test
    void checkpointsEveryKEpochsAndAfterTheLastAndRefusesAnotherModelsCheckpoint(@TempDir Path dir) throws Exception {
        RunConfig tiny = small().model(ModelKind.MLP).method(Method.FP32).limitTrain(256).batchSize(128).epochs(5)
                .checkpointEvery(2).build();
        java.util.List<Integer> written = new java.util.concurrent.CopyOnWriteArrayList<>();
        Path ckpt = dir.resolve("every2.ckpt");
        TrainingOutcome outcome = new Trainer(tiny, SampleData.mnist()).resumableTo(ckpt)
                .checkpointSink(file -> {
                    written.add(written.size());
                    return Files.newOutputStream(file);
                })
                .run(new RecordingListener(), new RunControl());
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        assertEquals(3, written.size(), "after epochs 2, 4 and 5");
        assertEquals(5, ResumeCheckpoint.read(ckpt).epochsDone());
        assertEquals(10, ResumeCheckpoint.read(ckpt).steps(), "2 steps of 128 images per epoch");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }

        RunConfig lenet = tiny.toBuilder().model(ModelKind.LENET).method(Method.RING).epochs(6).build();
        TrainingOutcome refused = new Trainer(lenet, SampleData.mnist()).resumeFrom(ckpt)
                .run(new RecordingListener(), new RunControl());
        assertEquals(RunStatus.FAILED, refused.status());
        assertTrue(refused.message().startsWith(ckpt + ": holds ") && refused.message().contains("another model"),
                refused.message());
        System.out.println(refused.message());
    }

    private static void assertResumesExactly(RunConfig config, Path dir) throws Exception {
        RecordingListener straightEvents = new RecordingListener();
        TrainingOutcome straight = new Trainer(config, SampleData.mnist()).resumableTo(dir.resolve("straight.ckpt"))
                .run(straightEvents, new RunControl());
        assertEquals(RunStatus.FINISHED, straight.status(), straight.message());

        // the "interruption": stop once epoch 2 is recorded, before any step of epoch 3
        RunControl control = new RunControl();
        RecordingListener firstEvents = new RecordingListener() {
            @Override
            public void onEpoch(EpochMetrics epoch) {
                super.onEpoch(epoch);
                if (epoch.epoch() == 2) {
                    control.stop();
                }
            }
        };
        Path ckpt = dir.resolve("interrupted.ckpt");
        TrainingOutcome first = new Trainer(config, SampleData.mnist()).resumableTo(ckpt).run(firstEvents, control);
        assertEquals(RunStatus.STOPPED, first.status(), first.message());
        assertEquals(2, first.epochs().size());
        ResumeCheckpoint atTwo = ResumeCheckpoint.read(ckpt);
        assertEquals(2, atTwo.epochsDone());
        assertEquals(first.steps(), atTwo.steps());

        RecordingListener resumedEvents = new RecordingListener();
        TrainingOutcome resumed = new Trainer(config, SampleData.mnist()).resumableTo(ckpt).resumeFrom(ckpt)
                .run(resumedEvents, new RunControl());
        assertEquals(RunStatus.FINISHED, resumed.status(), resumed.message());
        assertEquals(List.of(3), resumed.epochs().stream().map(EpochMetrics::epoch).toList());

        EpochMetrics a = straight.last();
        EpochMetrics b = resumed.last();
        System.out.printf("straight: loss %.9f train %.4f soft %.4f snapped %.4f bn %.4f lr %.6g step %d%n",
                a.trainLoss(), a.trainAcc(), a.testAccSoft(), a.testAccSnapped(), a.testAccSnappedBn(), a.lr(), a.step());
        System.out.printf("resumed:  loss %.9f train %.4f soft %.4f snapped %.4f bn %.4f lr %.6g step %d%n",
                b.trainLoss(), b.trainAcc(), b.testAccSoft(), b.testAccSnapped(), b.testAccSnappedBn(), b.lr(), b.step());
        assertEquals(a.step(), b.step(), "the step counter continues");
        assertEquals(a.lr(), b.lr(), 0.0, "the schedule continues");
        assertEquals(a.trainLoss(), b.trainLoss(), 1e-6 * Math.abs(a.trainLoss()), "train loss");
        assertEquals(a.trainAcc(), b.trainAcc(), 1e-9, "train accuracy");
        assertEquals(a.testAccSoft(), b.testAccSoft(), 1e-9, "soft test accuracy");
        assertEquals(a.testAccSnapped(), b.testAccSnapped(), 1e-9, "snapped test accuracy");
        assertEquals(a.testAccSnappedBn(), b.testAccSnappedBn(), 1e-9, "snapped+BN test accuracy");

        // step events continue the numbering: epoch 3 only, steps after the checkpoint's
        List<StepMetrics> straightEpoch3 = straightEvents.steps.stream().filter(s -> s.epoch() == 3).toList();
        assertEquals(straightEpoch3.size(), resumedEvents.steps.size());
        for (int i = 0; i < straightEpoch3.size(); i++) {
            StepMetrics s = straightEpoch3.get(i);
            StepMetrics r = resumedEvents.steps.get(i);
            assertEquals(s.step(), r.step());
            assertEquals(s.lr(), r.lr(), 0.0);
            assertEquals(s.loss(), r.loss(), 1e-5 * Math.abs(s.loss()) + 1e-7, "loss at step " + s.step());
        }
        // the final parameters agree
        float[] straightParams = lastParameters(dir.resolve("straight.ckpt"));
        float[] resumedParams = lastParameters(ckpt);
        double maxDiff = 0;
        for (int i = 0; i < straightParams.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(straightParams[i] - resumedParams[i]));
        }
        System.out.println("max |parameter difference| after resume: " + maxDiff);
        assertTrue(maxDiff <= 1e-5, "parameters differ by up to " + maxDiff);
        assertTrue(Files.size(ckpt) > 0);
    }

    private static float[] lastParameters(Path ckpt) throws Exception {
        return ResumeCheckpoint.read(ckpt).allParameterValues();
    }
}
