package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.BuiltModel;

/**
 * The leak pitfall of docs/stack.md for every quantizer: steps, snapshots and bit accounting (with the
 * schedules moving, so ring-anneal swaps its tables) must not accumulate arrays in the model's manager.
 */
class MethodsLeakTest {

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"FP32", "RING"}, mode = EnumSource.Mode.EXCLUDE)
    void stepsSnapshotsAndBitsDoNotAccumulateArrays(Method method) {
        RunConfig config = RunConfig.builder().method(method).bitnetWarmup(0.5).bitnetRmsnorm(true).bits(3).build();
        BuiltModel model = org.ringlab.nn.ModelFactory.build(ModelBuilder.spec(config, 1, 28, 28, 10));
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            ParameterStore store = new ParameterStore(root, false);
            TrainingStep step = new TrainingStep(model, store, new AdamOptimizer(root, 0.9, 0.999, 1e-8, 0), false,
                    true, 5.0);
            SnapshotRecorder snapshots = new SnapshotRecorder(model.quantizedLayers(), 4);
            NDArray x = root.randomNormal(model.inputShape(4));
            NDArray y = root.randomInteger(0, 10, new Shape(4), DataType.INT64);
            int[] labels = new int[4];
            int after3 = 0;
            int steps = 8;
            for (int i = 1; i <= steps; i++) {
                model.setProgress((double) i / steps);
                try (NDManager stepManager = root.newSubManager()) {
                    step.run(x, y, labels, 1e-3, stepManager);
                }
                snapshots.record(i, 1, (double) i / steps);
                BitsReport.of(method.key(), method.key(), model);
                if (i == 3) {
                    after3 = root.getManagedArrays().size();
                }
            }
            assertEquals(after3, root.getManagedArrays().size(), method + ": arrays held by the model's manager");
        }
    }
}
