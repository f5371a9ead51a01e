package org.ringlab.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/** PyTorch's initialisations, so FP32 baselines start where the reference's do. */
final class Inits {
    private Inits() {
    }

    /** nn.Conv2d / nn.Linear default: U(−1/√fan_in, 1/√fan_in) for weights (kaiming_uniform, a=√5). */
    static Initializer torchDefaultWeight() {
        return (m, s, t) -> {
            double bound = 1.0 / Math.sqrt((double) fanIn(s));
            return m.randomUniform((float) -bound, (float) bound, s, t);
        };
    }

    /** nn.Conv2d / nn.Linear default bias: U(−1/√fan_in, 1/√fan_in) of the layer's weight fan-in. */
    static Initializer torchDefaultBias(long fanIn) {
        return (m, s, t) -> {
            double bound = 1.0 / Math.sqrt((double) fanIn);
            return m.randomUniform((float) -bound, (float) bound, s, t);
        };
    }

    /** kaiming_normal_(mode="fan_out", nonlinearity="relu"): N(0, 2/fan_out). */
    static Initializer kaimingNormalFanOut() {
        return (m, s, t) -> {
            long receptive = s.size() / (s.get(0) * s.get(1));
            double std = Math.sqrt(2.0 / (s.get(0) * receptive));
            return m.randomNormal(0f, (float) std, s, t);
        };
    }

    private static long fanIn(Shape s) {
        return s.size() / s.get(0);
    }
}
