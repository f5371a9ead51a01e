package org.ringlab.train.init;

import java.util.List;
import org.ringlab.nn.init.FloatLayer;

/**
 * A pretrained FP32 network as plain arrays: its convs, linears and BatchNorms in forward order.
 *
 * @param source what it was read from, for messages
 * @param leaves in forward order
 */
public record FloatNetwork(String source, List<Leaf> leaves) {

    public FloatNetwork {
        leaves = List.copyOf(leaves);
    }

    /** A conv, a linear or a BatchNorm. */
    public sealed interface Leaf permits Weighted, Norm {
        String name();

        /** "conv", "linear" or "BatchNorm". */
        String kind();
    }

    /** A conv or linear layer. */
    public record Weighted(String kind, FloatLayer layer) implements Leaf {
        @Override
        public String name() {
            return layer.name();
        }
    }

    /** A BatchNorm's affine parameters and running statistics. */
    public record Norm(String name, Stats stats) implements Leaf {
        @Override
        public String kind() {
            return "BatchNorm";
        }
    }

    /** BatchNorm tensors, each one value per channel (kept as copies). */
    public static final class Stats {
        private final float[] gamma;
        private final float[] beta;
        private final float[] mean;
        private final float[] variance;

        public Stats(float[] gamma, float[] beta, float[] mean, float[] variance) {
            this.gamma = gamma.clone();
            this.beta = beta.clone();
            this.mean = mean.clone();
            this.variance = variance.clone();
        }

        public float[] gamma() {
            return gamma.clone();
        }

        public float[] beta() {
            return beta.clone();
        }

        public float[] mean() {
            return mean.clone();
        }

        public float[] variance() {
            return variance.clone();
        }
    }
}
