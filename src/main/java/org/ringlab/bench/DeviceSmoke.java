package org.ringlab.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.quantizer.ParameterFill;
import org.ringlab.train.TrainingStep;

/**
 * A few real training steps of one bench configuration on one device: does the engine train there,
 * how fast, and does the loss stay finite. The batch is random data made on the CPU with a fixed
 * seed and copied to the device, so two devices see the same numbers.
 */
public final class DeviceSmoke {
    /** images/s at the median step (the first step, which warms the device up, left out), first and last loss. */
    public record Result(Device device, int steps, double imagesPerSecond, float firstLoss, float lastLoss) {
        public boolean finite() {
            return Double.isFinite(imagesPerSecond) && Float.isFinite(firstLoss) && Float.isFinite(lastLoss);
        }
    }

    private DeviceSmoke() {
    }

    /**
     * Overwrites the model's parameters with those of the same model initialised on the CPU with
     * seed 0: each device has its own random generator, and the first losses of two devices can
     * only be compared from the same weights.
     */
    private static void copyCpuInitialisation(BenchCase c, BuiltModel model) {
        Engine.getInstance().setRandomSeed(0);
        BuiltModel reference = ModelFactory.build(c.spec());
        try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
            reference.block().initialize(cpu, DataType.FLOAT32, reference.inputShape(1));
            List<Parameter> from = reference.block().getParameters().values();
            List<Parameter> to = model.block().getParameters().values();
            for (int i = 0; i < from.size(); i++) {
                // in place under no-grad: NDArray.set(Buffer) takes a deprecated libtorch path that warns
                ParameterFill.copy(to.get(i).getArray(), from.get(i).getArray().toFloatArray());
            }
        }
        Engine.getInstance().setRandomSeed(0);
    }

    public static Result run(BenchCase c, Device device, int batch, int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("a smoke run needs at least 2 steps");
        }
        BuiltModel model = ModelFactory.build(c.spec());
        try (NDManager root = NDManager.newBaseManager(device)) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            copyCpuInitialisation(c, model);
            ParameterStore store = new ParameterStore(root, false);
            TrainingStep step = TrainingStep.sgd(model, store, root, 0.9, 1e-4, 5.0);
            NDArray x;
            NDArray y;
            try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
                x = cpu.randomNormal(model.inputShape(batch)).toDevice(device, true);
                y = cpu.randomInteger(0, 10, new Shape(batch), DataType.INT64).toDevice(device, true);
                x.attach(root);
                y.attach(root);
            }
            double[] ms = new double[steps - 1];
            float first = Float.NaN;
            float last = Float.NaN;
            for (int i = 0; i < steps; i++) {
                long t0 = System.nanoTime();
                float loss;
                try (NDManager stepManager = root.newSubManager()) {
                    // lr 0.01: random labels at lr 0.1 can blow a small model up within 20 steps
                    loss = step.run(x, y, null, 0.01, stepManager).loss();
                }
                if (i > 0) {
                    ms[i - 1] = (System.nanoTime() - t0) / 1e6;
                } else {
                    first = loss;
                }
                last = loss;
            }
            Arrays.sort(ms);
            double median = StepTimer.percentile(ms, 0.5);
            return new Result(device, steps, batch / (median / 1e3), first, last);
        }
    }
}
