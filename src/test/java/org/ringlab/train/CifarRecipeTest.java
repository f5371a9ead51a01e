package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.ActQuantizer;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.OptimizerKind;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.data.TestFiles;
import org.ringlab.interop.ReferenceCheckpoints;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/**
 * The README's CIFAR-10 recipe (scripts/cifar-finetune.sh) on a generated CIFAR-shaped folder: the
 * published FP32 ResNet-20 starts a 2-bit ring-STE run and an LSQ W2A2 run, each recording its
 * epoch 0 before it trains. Random pixels: the accuracies mean nothing, the plumbing is the point.
 */
class CifarRecipeTest {
    @TempDir
    static Path data;
    private static LoadedData cifar;

    @BeforeAll
    static void generate() throws IOException {
        int[] train = new int[64];
        int[] test = new int[32];
        for (int i = 0; i < train.length; i++) {
            train[i] = i % 10;
        }
        for (int i = 0; i < test.length; i++) {
            test[i] = i % 10;
        }
        TestFiles.write(data, "data_batch_1.bin", TestFiles.cifarRecords(train, TestFiles.randomBytes(64 * 3072, 5)));
        TestFiles.write(data, "test_batch.bin", TestFiles.cifarRecords(test, TestFiles.randomBytes(32 * 3072, 6)));
        cifar = DataSets.load(data);
    }

    /** The recipe's settings, as the script passes them, on the tiny folder. */
    private static RunConfig.Builder recipe() {
        String checkpoint = ReferenceCheckpoints.file("best_resnet20_none.pth").toString();
        return RunConfig.defaults().toBuilder().data(data.toString()).model(ModelKind.RESNET20).initFrom(checkpoint)
                .optimizer(OptimizerKind.SGD).lr(0.01).momentum(0.9).weightDecay(5e-5).epochs(1).batchSize(32)
                .testBatchSize(32).bnRecalBatches(1);
    }

    private static void startsAtEpochZeroAndTrains(RunConfig config) {
        RecordingListener events = new RecordingListener();
        TrainingOutcome outcome = new Trainer(config, cifar).run(events, new RunControl());
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        // only a pretrained start records an epoch 0
        assertEquals(2, events.epochs.size(), "epoch 0 and epoch 1: " + events.messages);
        EpochMetrics zero = events.epochs.get(0);
        assertEquals(0, zero.epoch());
        assertEquals(0, zero.step(), "measured before the first step");
        assertTrue(zero.testAccSnapped() >= 0 && zero.testAccSnapped() <= 100, "a snapped accuracy at epoch 0");
        assertEquals(2, outcome.steps(), "64 images at batch 32");
        assertFalse(Double.isNaN(outcome.last().trainLoss()), "it trained");
    }

    @Test
    void ringSteW2StartsFromThePublishedResNet20() {
        startsAtEpochZeroAndTrains(recipe().method(Method.RING_STE).ringType(RingType.TRIANGLE).ringSize(4)
                .ringMode(RingMode.UNIFORM).build());
    }

    @Test
    void lsqW2A2StartsFromThePublishedResNet20() {
        startsAtEpochZeroAndTrains(recipe().method(Method.LSQ).bits(2).actBits(2).actQuantizer(ActQuantizer.LSQ)
                .build());
    }
}
