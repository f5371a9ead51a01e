package org.ringlab.train;

import java.util.Locale;
import org.ringlab.config.DataDescription;
import org.ringlab.config.OptimizerKind;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.ModelShape;
import org.ringlab.nn.ModelSpec;

/**
 * How much memory a run needs at its peak, in bytes, worked out from the configuration and the
 * data's description before anything is loaded or built. It is used to refuse runs that cannot fit
 * ({@link MachineFit}); {@code ringlab bench --memory-steps} prints it beside the measured peak
 * resident memory.
 *
 * @param parameters trainable scalars of the model
 * @param model the parameters with their gradients and optimizer state (4 bytes each, Adam keeps
 *     two moments, SGD with momentum one)
 * @param quantizer what the quantized layers compute from their latents every step: the effective
 *     weights, their gradients and the quantizer's temporaries ({@link #QUANTIZER_BYTES} per weight)
 * @param activations layer outputs kept for the backward pass and their gradients, for the larger
 *     of a training batch and a test batch (which keeps nothing for a backward pass)
 * @param activationBatch which batch that is, e.g. "batch size 128"
 * @param snapshots the snapshot recorder's copy of the latents (to count changed slots)
 * @param data the data set held in memory (one byte per pixel), with the subsets that limit-train /
 *     limit-test draw from it
 * @param runtime the JVM and libtorch themselves ({@link #RUNTIME_BYTES})
 */
public record MemoryEstimate(long parameters, long model, long quantizer, long activations, String activationBatch,
        long snapshots, long data, long runtime) {

    static final long FLOAT = 4;
    /** Effective weight, its gradient, the lookup index and a handful of weight-sized temporaries. */
    static final long QUANTIZER_BYTES = 8 * FLOAT;
    /** A layer output kept in the forward pass, and its gradient in the backward pass. */
    static final long ACTIVATION_COPIES = 2;
    /**
     * The JVM and libtorch themselves: `ringlab bench --memory-steps` measures a LeNet ring-8 run at
     * batch 128, whose tensors are a few tens of MiB, at about 260 MiB resident.
     */
    static final long RUNTIME_BYTES = 256L << 20;

    public static MemoryEstimate of(RunConfig config, DataDescription data) {
        ModelSpec spec = ModelBuilder.spec(config, data.channels(), data.height(), data.width(), data.numClasses());
        int optimizerCopies = config.optimizer() == OptimizerKind.ADAM ? 2 : config.momentum() > 0 ? 1 : 0;
        return of(spec, optimizerCopies, config.batchSize(), config.testBatchSize(), data, config.limitTrain(),
                config.limitTest());
    }

    /**
     * @param optimizerCopies parameter-sized tensors the optimizer keeps (Adam 2, SGD with momentum 1)
     * @param limitTrain images drawn from the training split into a subset (0: none), as limit-train
     */
    public static MemoryEstimate of(ModelSpec spec, int optimizerCopies, int batchSize, int testBatchSize,
            DataDescription data, int limitTrain, int limitTest) {
        ModelShape shape = ModelShape.of(spec);
        long p = shape.parameters();
        long model = p * FLOAT * (2 + optimizerCopies);
        long quantizer = shape.quantizedWeights() * QUANTIZER_BYTES;
        long input = spec.inputSize();
        // a batch never holds more images than its split (or the subset drawn from it) has
        long trainBatch = batch(batchSize, data.trainCount(), limitTrain);
        long testBatch = batch(testBatchSize, data.testCount(), limitTest);
        long train = trainBatch * (shape.activationsPerSample() * ACTIVATION_COPIES + input) * FLOAT;
        long test = testBatch * (shape.largestActivationPerSample() * ACTIVATION_COPIES + input) * FLOAT;
        long snapshots = shape.quantizedWeights() * 2 * FLOAT;
        long images = (long) data.trainCount() + data.testCount() + limitTrain + limitTest;
        long dataBytes = images * (input + 1);
        String batch = test > train ? label("test batch size", testBatchSize, testBatch)
                : label("batch size", batchSize, trainBatch);
        return new MemoryEstimate(p, model, quantizer, Math.max(train, test), batch, snapshots, dataBytes,
                RUNTIME_BYTES);
    }

    private static String label(String key, int configured, long images) {
        return key + " " + configured + (images < configured ? String.format(Locale.ROOT, " (%,d images)", images) : "");
    }

    /** The images in one batch; a split of 0 images means unknown (the bench's random batch). */
    private static long batch(int batchSize, int count, int limit) {
        long images = limit > 0 ? Math.min(limit, count) : count;
        return images > 0 ? Math.min(batchSize, images) : batchSize;
    }

    public long total() {
        return model + quantizer + activations + snapshots + data + runtime;
    }

    /** The largest part, as the refusal names it, e.g. "activations 58 GiB at batch size 65536". */
    public String largestPart() {
        long weights = model + quantizer + snapshots;
        if (activations >= weights && activations >= data) {
            return "activations " + bytes(activations) + " at " + activationBatch;
        }
        if (weights >= data) {
            return String.format(Locale.ROOT, "%s for %,d parameters with their gradients, optimizer state and "
                    + "quantizer", bytes(weights), parameters);
        }
        return "data set " + bytes(data);
    }

    /** The configuration key that drives the largest part: the one to change. */
    public String largestPartKey() {
        long weights = model + quantizer + snapshots;
        if (activations >= weights && activations >= data) {
            return activationBatch.startsWith("test") ? "test-batch-size" : "batch-size";
        }
        return weights >= data ? "model" : "data";
    }

    /** 620 MiB, 1.5 GiB, 23.5 GiB, 554 GiB. */
    public static String bytes(long n) {
        double gib = n / (double) (1L << 30);
        if (gib >= 100) {
            return String.format(Locale.ROOT, "%.0f GiB", gib);
        }
        if (gib >= 1) {
            return String.format(Locale.ROOT, "%.1f GiB", gib);
        }
        return String.format(Locale.ROOT, "%.0f MiB", n / (double) (1L << 20));
    }
}
