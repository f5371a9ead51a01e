package org.ringlab.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Function;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.train.TrainingStep;

/**
 * Times full training steps of one model on a fixed random batch, with the peer's protocol:
 * forward, cross-entropy, backward, clip_grad_norm 5, SGD 0.1/0.9/1e-4, clamp.
 */
public final class StepTimer {
    /**
     * Median, 10th and 90th percentile step time (ms), images/s at the median, CPU/wall, and the
     * NDArrays one more step (after the timed ones, so the counting does not touch the timings)
     * created ({@link ArrayCount}).
     */
    public record Timing(String name, int batch, int steps, double medianMs, double p10Ms, double p90Ms,
            double imagesPerSecond, double cpuPerWall, long parameters, long arraysPerStep) {
    }

    private StepTimer() {
    }

    public static Timing time(BenchCase c, int batch, int warmup, int steps) {
        return onRandomBatch(c, batch, b -> {
            double[] ms = new double[steps];
            long cpu0 = 0;
            long wall0 = 0;
            for (int i = 0; i < warmup + steps; i++) {
                if (i == warmup) {
                    cpu0 = processCpuNanos();
                    wall0 = System.nanoTime();
                }
                long t0 = System.nanoTime();
                try (NDManager stepManager = b.root().newSubManager()) {
                    b.step().run(b.x(), b.y(), null, 0.1, stepManager);
                }
                if (i >= warmup) {
                    ms[i - warmup] = (System.nanoTime() - t0) / 1e6;
                }
            }
            double cpuPerWall = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - wall0);
            long arrays = countedStep(b);
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            double median = percentile(sorted, 0.5);
            return new Timing(c.name(), batch, steps, median, percentile(sorted, 0.1), percentile(sorted, 0.9),
                    batch / (median / 1e3), cpuPerWall, b.model().parameterCount(), arrays);
        });
    }

    /**
     * The NDArrays each of {@code steps} consecutive training steps creates, from a fresh model
     * (the first step also creates the optimiser's momentum buffers).
     */
    public static long[] arraysPerStep(BenchCase c, int batch, int steps) {
        return onRandomBatch(c, batch, b -> {
            long[] counts = new long[steps];
            for (int i = 0; i < steps; i++) {
                counts[i] = countedStep(b);
            }
            return counts;
        });
    }

    /** A freshly built model (seed 0), its SGD training step and one random batch, all owned by {@code root}. */
    private record Bench(BuiltModel model, NDManager root, TrainingStep step, NDArray x, NDArray y) {
    }

    /** Runs {@code body} on a fresh {@link Bench}, closing its arrays afterwards. */
    private static <T> T onRandomBatch(BenchCase c, int batch, Function<Bench, T> body) {
        Engine.getInstance().setRandomSeed(0);
        BuiltModel model = ModelFactory.build(c.spec());
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            ParameterStore store = new ParameterStore(root, false);
            TrainingStep step = TrainingStep.sgd(model, store, root, 0.9, 1e-4, 5.0);
            NDArray x = root.randomNormal(model.inputShape(batch));
            NDArray y = root.randomInteger(0, 10, new ai.djl.ndarray.types.Shape(batch), DataType.INT64);
            return body.apply(new Bench(model, root, step, x, y));
        }
    }

    private static long countedStep(Bench b) {
        try (ArrayCount count = new ArrayCount(); NDManager stepManager = b.root().newSubManager()) {
            b.step().run(b.x(), b.y(), null, 0.1, stepManager);
            return count.created();
        }
    }

    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
