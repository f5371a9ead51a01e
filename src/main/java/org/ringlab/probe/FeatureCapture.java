package org.ringlab.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.data.Batch;
import org.ringlab.data.BatchSampler;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.QuantizedLayer;

/**
 * A model's features on a sample, one matrix per probe point. A point is a top-level step of the
 * model that holds a conv or linear layer (a residual block, LeNet's conv2, the classifier), read
 * after the BatchNorm and ReLU that follow it without changing the shape, before any pooling: §F's
 * "output of every residual block, and the hidden layers of the MLP and LeNet-5", plus the logits.
 * Conv features are global-average-pooled to one value per channel (§F's default), so the last
 * residual block's point is also the GAP output. The model runs in evaluation mode (BatchNorm on its
 * running statistics) with the weight mode the caller set.
 */
final class FeatureCapture {
    /**
     * @param names one per point, in forward order: the common prefix of the quantized layers inside
     *     (e.g. "layer2.0"), or "conv #k" / "linear #k" for a point without quantized layers
     * @param features per point, one row per image in sample order
     * @param correct images whose logits' top class is their label
     */
    record Captured(List<String> names, List<double[][]> features, int correct) {
    }

    private FeatureCapture() {
    }

    static Captured run(BuiltModel model, ParameterStore store, NDManager root, BatchSampler sampler,
            ProbeProgress progress) {
        if (!(model.block() instanceof SequentialBlock net)) {
            throw new IllegalArgumentException("the model is not a sequence of layers; the probe reads those");
        }
        List<Block> steps = net.getChildren().values();
        List<String> names = names(steps);
        int n = sampler.data().count();
        List<double[][]> features = new ArrayList<>();
        int row = 0;
        int correct = 0;
        int batches = sampler.numBatches();
        int done = 0;
        for (Batch b : sampler.epoch(0)) {
            try (NDManager m = root.newSubManager()) {
                NDList current = new NDList(m.create(b.images(), new Shape(b.size(), b.channels(), b.height(),
                        b.width())));
                int point = 0;
                boolean open = false;
                for (Block step : steps) {
                    boolean weighted = weighted(step);
                    if (open && weighted) {
                        store(features, point++, current.singletonOrThrow(), row, n);
                    }
                    NDList next = step.forward(store, current, false);
                    if (open && !weighted && !next.singletonOrThrow().getShape().equals(
                            current.singletonOrThrow().getShape())) {
                        store(features, point++, current.singletonOrThrow(), row, n);
                        open = false;
                    }
                    open |= weighted;
                    current = next;
                }
                NDArray logits = current.singletonOrThrow();
                if (open) {
                    store(features, point++, logits, row, n);
                }
                if (point != names.size()) {
                    throw new IllegalStateException(point + " probe points in a forward pass, " + names.size()
                            + " layers counted");
                }
                long[] predicted = logits.argMax(1).toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
                for (int i = 0; i < predicted.length; i++) {
                    correct += predicted[i] == b.labels()[i] ? 1 : 0;
                }
                row += b.size();
            }
            progress.done(++done, batches);
        }
        return new Captured(names, features, correct);
    }

    /** A point's features for the batch starting at {@code row}: pooled to (batch, channels) when spatial. */
    private static void store(List<double[][]> features, int point, NDArray x, int row, int n) {
        // the engine's mean takes one axis: the spatial ones flattened into one first
        NDArray flat = x.getShape().dimension() == 4
                ? x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2})
                : x.reshape(x.getShape().get(0), -1);
        int dims = (int) flat.getShape().get(1);
        if (features.size() == point) {
            features.add(new double[n][dims]);
        }
        float[] values = flat.toFloatArray();
        double[][] target = features.get(point);
        int rows = (int) flat.getShape().get(0);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < dims; k++) {
                target[row + i][k] = values[i * dims + k];
            }
        }
    }

    /** The points' names, from the steps that hold a conv or linear layer. */
    static List<String> names(List<Block> steps) {
        List<String> names = new ArrayList<>();
        int[] counts = new int[2];
        for (Block step : steps) {
            List<Block> leaves = new ArrayList<>();
            collect(step, leaves);
            if (leaves.isEmpty()) {
                continue;
            }
            List<String> quantized = leaves.stream().filter(QuantizedLayer.class::isInstance)
                    .map(l -> ((QuantizedLayer) l).layerName()).toList();
            String fallback = null;
            for (Block leaf : leaves) {
                int kind = isConv(leaf) ? 0 : 1;
                if (fallback == null) {
                    fallback = (kind == 0 ? "conv #" : "linear #") + counts[kind];
                }
                counts[kind]++;
            }
            names.add(quantized.isEmpty() ? fallback : commonPrefix(quantized));
        }
        int last = names.size() - 1;
        if (last >= 0 && names.get(last).contains("#")) {
            // an unquantized classifier has no layer name of its own
            names.set(last, "logits (" + names.get(last) + ")");
        }
        return names;
    }

    private static boolean isConv(Block leaf) {
        return leaf instanceof Conv2d || (leaf instanceof QuantizedLayer q && q.weightShape().dimension() == 4);
    }

    private static boolean weighted(Block step) {
        List<Block> leaves = new ArrayList<>();
        collect(step, leaves);
        return !leaves.isEmpty();
    }

    private static void collect(Block block, List<Block> out) {
        if (block instanceof QuantizedLayer || block instanceof Conv2d || block instanceof Linear) {
            out.add(block);
            return;
        }
        for (Block child : block.getChildren().values()) {
            collect(child, out);
        }
    }

    /** "layer1.0.conv1", "layer1.0.conv2" → "layer1.0"; one name → itself; nothing in common → all, joined by "+". */
    static String commonPrefix(List<String> names) {
        String[] first = names.get(0).split("\\.", -1);
        int common = first.length;
        for (String name : names.subList(1, names.size())) {
            String[] parts = name.split("\\.", -1);
            int k = 0;
            while (k < Math.min(common, parts.length) && parts[k].equals(first[k])) {
                k++;
            }
            common = k;
        }
        return common == 0 ? String.join("+", names) : String.join(".", java.util.Arrays.copyOf(first, common));
    }
}
