package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.BuiltModel;

class TmpProfileTest {
    @Test
    void profile() {
        for (Method method : new Method[] {Method.TWN, Method.RING_STE}) {
        RunConfig config = RunConfig.builder().method(method).build();
        BuiltModel model = org.ringlab.nn.ModelFactory.build(ModelBuilder.spec(config, 1, 28, 28, 10));
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            ParameterStore store = new ParameterStore(root, false);
            TrainingStep step = new TrainingStep(model, store, new AdamOptimizer(root, 0.9, 0.999, 1e-8, 0), false,
                    true, 5.0);
            SnapshotRecorder snapshots = new SnapshotRecorder(model.quantizedLayers(), 4);
            NDArray x = root.randomNormal(model.inputShape(8));
            NDArray y = root.randomInteger(0, 10, new Shape(8), DataType.INT64);
            long a = 0, b = 0, c = 0;
            for (int i = 1; i <= 12; i++) {
                long t0 = System.nanoTime();
                try (NDManager stepManager = root.newSubManager()) {
                    step.run(x, y, new int[8], 1e-3, stepManager);
                }
                long t1 = System.nanoTime();
                snapshots.record(i, 1, 0);
                long t2 = System.nanoTime();
                BitsReport.of(method.key(), method.key(), model);
                long t3 = System.nanoTime();
                a += t1 - t0; b += t2 - t1; c += t3 - t2;
            }
            System.out.printf("PROFILE %s step %.1f ms snap %.1f ms bits %.1f ms%n", method, a / 12e6, b / 12e6, c / 12e6);
        }
        }
    }
}
