package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;

/**
 * A short LeNet run per method family on sample MNIST: the loss falls, snapped accuracy is reported
 * (never soft alone), bits.json is written and the snapshots carry the method's view.
 */
class MethodsTrainingTest {

    @ParameterizedTest
    @CsvSource({"twn, 3", "lsq, 4", "pow2, 4", "ring-ste, 4", "slq, 3", "mlq, 3", "hitnet, 3", "admm, 3", "stq, 3", "hla, 3"})
    void learnsAndReportsSnappedAccuracyAndBits(String key, int maxLevels, @TempDir Path dir) throws Exception {
        Method method = Method.parse(key);
        RunConfig config = RunConfig.defaults().toBuilder().data(SampleData.dir().toString()).method(method)
                .limitTrain(768).limitTest(200).batchSize(64).epochs(1).snapshotEvery(5).bnRecalBatches(1)
                .bits(2).build();
        RecordingListener events = new RecordingListener();
        TrainingOutcome outcome = new Trainer(config, SampleData.mnist()).checkpointTo(dir.resolve("checkpoint.params"))
                .run(events, new RunControl());

        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        double first = 0;
        double last = 0;
        int n = events.steps.size();
        for (int i = 0; i < 4; i++) {
            first += events.steps.get(i).loss();
            last += events.steps.get(n - 1 - i).loss();
        }
        assertTrue(last < first, key + ": loss should fall, first 4 steps " + first / 4 + ", last 4 " + last / 4);
        EpochMetrics m = outcome.last();
        assertTrue(m.testAccSnapped() > 10 && m.testAccSnapped() <= 100, key + " snapped " + m.testAccSnapped());
        assertTrue(Double.isFinite(m.testAccSnappedBn()), key + " snapped+BN");

        BitsReport bits = BitsReport.read(dir.resolve(BitsReport.FILE));
        assertEquals(key, bits.method());
        assertEquals(4, bits.layers().size(), "LeNet's quantized layers (the classifier stays float)");
        assertTrue(bits.distinctLevels() <= maxLevels, key + " uses " + bits.distinctLevels() + " levels");
        assertTrue(bits.crWholeModel() > 1, key + " compresses");

        LayerSnapshot conv1 = events.snapshots.get(events.snapshots.size() - 1).layers().get(0);
        assertEquals("conv1", conv1.layer());
        if (method.usesRing()) {
            assertNull(conv1.latent(), "the ring keeps its own view");
            assertEquals(8, conv1.ringSize());
        } else {
            LatentHistogram latent = conv1.latent();
            assertNotNull(latent);
            assertEquals(conv1.positions(), java.util.Arrays.stream(latent.bins()).sum());
            assertEquals(150, java.util.Arrays.stream(latent.codeCounts()).sum());
            assertTrue(!latent.lines().isEmpty());
            assertEquals(method.inferred(), latent.inferred());
        }
        if (method == Method.SLQ || method == Method.MLQ) {
            // the incremental schedule as a timeline: half frozen at the first snapshot, all at the last
            LayerSnapshot start = events.snapshots.get(0).layers().get(0);
            assertEquals(0.5, start.latent().scalars().get("frozen share"), 1e-12, key + " at the start");
            assertEquals(1.0, start.latent().scalars().get("stage"), key);
            assertEquals(1.0, conv1.latent().scalars().get("frozen share"), key + " at the end");
            assertEquals(4.0, conv1.latent().scalars().get("stage"), key);
        }
        assertTrue(Files.exists(dir.resolve(BitsReport.FILE)));
    }
}
