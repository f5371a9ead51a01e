package org.ringlab.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.train.TrainingStep;

/**
 * Trains for many steps and samples the process's resident memory (VmRSS) along the way: a leak of
 * even one NDArray per step shows up as a rising line.
 */
public final class MemoryProbe {
    /**
     * Resident memory after {@code step} steps, and how much of it is the JVM heap the collector
     * has committed so far (it grows in the first thousand steps or so, then stays).
     */
    public record Sample(int step, double rssMiB, double heapCommittedMiB) {
        /** Everything but the Java heap: libtorch's tensors, native code, thread stacks. */
        public double outsideHeapMiB() {
            return rssMiB - heapCommittedMiB;
        }
    }

    private MemoryProbe() {
    }

    public static List<Sample> run(BenchCase c, int batch, int steps, int every, Consumer<Sample> progress) {
        Engine.getInstance().setRandomSeed(0);
        BuiltModel model = ModelFactory.build(c.spec());
        List<Sample> samples = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            ParameterStore store = new ParameterStore(root, false);
            // lr 0.01 keeps a run on random data finite for thousands of steps
            TrainingStep step = TrainingStep.sgd(model, store, root, 0.9, 1e-4, 5.0);
            NDArray x = root.randomNormal(model.inputShape(batch));
            NDArray y = root.randomInteger(0, 10, new Shape(batch), DataType.INT64);
            for (int i = 1; i <= steps; i++) {
                try (NDManager stepManager = root.newSubManager()) {
                    step.run(x, y, null, 0.01, stepManager);
                }
                if (i % every == 0) {
                    Sample s = new Sample(i, rssMiB(), heapCommittedMiB());
                    samples.add(s);
                    progress.accept(s);
                }
            }
        }
        return samples;
    }

    static double heapCommittedMiB() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted()
                / (1024.0 * 1024.0);
    }

    /** Resident set size of this process, from /proc (Linux). */
    public static double rssMiB() {
        return statusMiB("VmRSS:");
    }

    /** The most this process has ever had resident (its high-water mark), from /proc (Linux). */
    public static double peakRssMiB() {
        return statusMiB("VmHWM:");
    }

    private static double statusMiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
