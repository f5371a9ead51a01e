package org.ringlab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.ModelKind;
import org.ringlab.quant.RingMode;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.LevelSet;
import org.ringlab.train.CheckpointEvaluation;
import org.ringlab.train.Checkpoints;
import org.ringlab.train.ModelBuilder;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunStatus;
import org.ringlab.train.Trainer;
import org.ringlab.train.TrainingListener;
import org.ringlab.train.TrainingOutcome;

class QuantizedModelRoundTripTest {

    /**
     * The reference triangle-8 ring has 6 bit-distinct values but 4 levels: weights on the mirrored
     * slots come back as their level's representative, a last-bit change, and the snapped accuracy
     * must not notice.
     */
    @Test
    void trainedLeNetEvaluatesIdenticallyAfterTheRoundTrip(@TempDir Path dir) throws Exception {
        Path sampleData = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data");
        LoadedData data = DataSets.load(sampleData);
        RunConfig config = RunConfig.defaults().toBuilder().data(sampleData.toString()).model(ModelKind.LENET)
                .epochs(1).limitTrain(1500).limitTest(500).bnRecalBatches(2).snapshotEvery(1000).build();
        Path checkpoint = dir.resolve("trained.params");
        TrainingOutcome outcome = new Trainer(config, data).checkpointTo(checkpoint)
                .run(new TrainingListener() { }, new RunControl());
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        double before = CheckpointEvaluation.evaluate(config, data, checkpoint).snapped();

        Path rqm = dir.resolve("trained.rqm");
        Path rebuiltCheckpoint = dir.resolve("rebuilt.params");
        try (NDManager original = NDManager.newBaseManager(Device.cpu());
                NDManager rebuilt = NDManager.newBaseManager(Device.cpu())) {
            BuiltModel model = ModelBuilder.build(config, data.train());
            model.block().initialize(original, ai.djl.ndarray.types.DataType.FLOAT32, model.inputShape(1));
            Checkpoints.load(model, original, checkpoint);
            QuantizedModelWriter.write(config, model, rqm);

            QuantizedModel read = QuantizedModelReader.read(rqm, rebuilt);
            assertEquals(config, read.config());
            assertEquals(model.spec(), read.model().spec());
            assertEquals(WeightMode.SNAPPED, read.model().ringLayers().get(0).weightMode());
            Map<String, float[]> want = Models.snappedWeights(model);
            Map<String, float[]> got = Models.snappedWeights(read.model());
            assertEquals(want.keySet(), got.keySet());
            float[] levels = LevelTable.of(ModelBuilder.ring(config)).levels();
            long lastBitChanges = 0;
            for (String layer : want.keySet()) {
                float[] w = want.get(layer);
                float[] g = got.get(layer);
                for (int i = 0; i < w.length; i++) {
                    assertEquals(w[i], g[i], LevelSet.DEFAULT_TOLERANCE, layer + "[" + i + "]");
                    assertEquals(Float.floatToIntBits(levels[LevelSet.of(levels).indexOf(w[i])]),
                            Float.floatToIntBits(g[i]), layer + "[" + i + "] is its level's representative");
                    lastBitChanges += Float.floatToIntBits(w[i]) != Float.floatToIntBits(g[i]) ? 1 : 0;
                }
            }
            assertTrue(lastBitChanges > 0, "the mirrored slots were exercised");
            assertFloatParametersEqual(model, read.model());
            Checkpoints.save(read.model(), rebuiltCheckpoint);
        }
        double after = CheckpointEvaluation.evaluate(config, data, rebuiltCheckpoint).snapped();
        assertTrue(before > 10, "the trained model learned something: " + before);
        assertEquals(before, after, "snapped test accuracy before and after the round trip");
    }

    /** On a ring whose levels are bit-distinct (uniform triangle-8: 5 levels) nothing changes at all. */
    @Test
    void snappedWeightsComeBackBitForBitWhenLevelsAreExact(@TempDir Path dir) throws Exception {
        RunConfig config = RunConfig.defaults().toBuilder().ringMode(RingMode.UNIFORM).build();
        Path rqm = dir.resolve("uniform.rqm");
        try (NDManager original = NDManager.newBaseManager(Device.cpu());
                NDManager rebuilt = NDManager.newBaseManager(Device.cpu())) {
            BuiltModel model = Models.initialised(config, 1, 28, original);
            QuantizedModelWriter.write(config, model, rqm);
            BuiltModel read = QuantizedModelReader.read(rqm, rebuilt).model();
            Map<String, float[]> want = Models.snappedWeights(model);
            Map<String, float[]> got = Models.snappedWeights(read);
            assertEquals(want.keySet(), got.keySet());
            for (String layer : want.keySet()) {
                assertArrayEquals(want.get(layer), got.get(layer), layer);
            }
            assertFloatParametersEqual(model, read);
        }
        assertEquals(3, QuantizedModelSize.of(rqm).layers().get(0).bits(), "5 levels need 3 bits");
    }

    @Test
    void aConfigurationThatDoesNotDescribeTheModelIsRefused(@TempDir Path dir) {
        RunConfig config = RunConfig.defaults();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BuiltModel model = Models.initialised(config, 1, 28, manager);
            RunConfig other = config.toBuilder().ringSize(4).build();
            assertThrows(IllegalArgumentException.class,
                    () -> QuantizedModelWriter.write(other, model, dir.resolve("x.rqm")));
            assertFalse(dir.resolve("x.rqm").toFile().exists());
        }
    }

    private static void assertFloatParametersEqual(BuiltModel want, BuiltModel got) {
        Map<String, float[]> w = Models.floatParameters(want);
        Map<String, float[]> g = Models.floatParameters(got);
        assertEquals(w.keySet(), g.keySet());
        assertFalse(w.isEmpty());
        for (String name : w.keySet()) {
            assertArrayEquals(w.get(name), g.get(name), name);
        }
    }
}
