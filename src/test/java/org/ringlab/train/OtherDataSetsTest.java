package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataFormat;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.data.TestFiles;

/** Any MNIST-format or CIFAR-10 binary folder trains, with the model adapted to its shape. */
class OtherDataSetsTest {

    private static int[] labels(int n, int classes, long seed) {
        Random r = new Random(seed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i < classes ? i : r.nextInt(classes);
        }
        return out;
    }

    @Test
    void resnetTrainsOnACifarBinaryFolder(@TempDir Path dir) throws Exception {
        int train = 96;
        int test = 32;
        TestFiles.write(dir, "data_batch_1.bin", TestFiles.cifarRecords(labels(train, 10, 1),
                TestFiles.randomBytes(train * 3072, 1)));
        TestFiles.write(dir, "test_batch.bin", TestFiles.cifarRecords(labels(test, 10, 2),
                TestFiles.randomBytes(test * 3072, 2)));
        LoadedData data = DataSets.load(dir);
        assertEquals(DataFormat.CIFAR10, data.format());
        RunConfig config = RunConfig.defaults().toBuilder().data(dir.toString()).model(ModelKind.RESNET20)
                .ringSize(4).epochs(1).batchSize(32).testBatchSize(32).bnRecalBatches(1).build();
        RecordingListener events = new RecordingListener();
        TrainingOutcome outcome = new Trainer(config, data).run(events, new RunControl());
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        assertEquals(3, outcome.steps());
        assertEquals(21, events.snapshots.get(0).layers().size(), "ResNet-20 has 21 ring convs");
        assertFalse(Double.isNaN(outcome.last().testAccSnappedBn()));
    }

    @Test
    void leNetAdaptsToAnotherImageSizeAndClassCount(@TempDir Path dir) throws Exception {
        int train = 200;
        int test = 50;
        TestFiles.writeIdxFolder(dir, true, 20, 20, labels(train, 5, 3), TestFiles.randomBytes(train * 400, 3),
                labels(test, 5, 4), TestFiles.randomBytes(test * 400, 4));
        LoadedData data = DataSets.load(dir);
        assertEquals(5, data.train().numClasses());
        RunConfig config = RunConfig.defaults().toBuilder().data(dir.toString()).epochs(1).batchSize(50)
                .bnRecalBatches(2).build();
        TrainingOutcome outcome = new Trainer(config, data).run(new RecordingListener(), new RunControl());
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        assertTrue(outcome.last().testAccSoft() >= 0 && outcome.last().testAccSoft() <= 100);
    }

    @Test
    void sameSeedGivesTheSameRun() {
        RunConfig config = RunConfig.defaults().toBuilder().data(SampleData.dir().toString()).limitTrain(640)
                .limitTest(200).epochs(1).model(ModelKind.MLP).threads(1).bnRecalBatches(2).build();
        TrainingOutcome a = new Trainer(config, SampleData.mnist()).run(new RecordingListener(), new RunControl());
        TrainingOutcome b = new Trainer(config, SampleData.mnist()).run(new RecordingListener(), new RunControl());
        assertEquals(a.last().trainLoss(), b.last().trainLoss(), 1e-6);
        assertEquals(a.last().testAccSoft(), b.last().testAccSoft(), 1e-9);
        assertEquals(a.last().testAccSnapped(), b.last().testAccSnapped(), 1e-9);
    }
}
