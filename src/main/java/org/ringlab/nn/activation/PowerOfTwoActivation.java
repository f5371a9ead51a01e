package org.ringlab.nn.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Unsigned power-of-two activations, INFERRED (docs/methods/activations.md: Badar 2025's abstract says that
 * activations are quantized to learned 2^n levels but not how): levels {0} ∪ s·2^{−m..0}, m = 2^b − 2,
 * a learned scale s with LSQ's gradient scale. s starts at the largest input of the first batch
 * [INFERRED], so the top level covers it.
 */
final class PowerOfTwoActivation implements ActivationQuantizer {
    private final int bits;
    private final LearnedScalar scale = LearnedScalar.fromFirstBatch("act_scale");

    PowerOfTwoActivation(int bits) {
        this.bits = bits;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(scale.parameter());
    }

    @Override
    public NDArray apply(NDArray x, List<NDArray> values, boolean training) {
        NDArray s = values.get(0);
        scale.ensureSet(s, x, v -> v.max().getFloat());
        int exponents = (1 << bits) - 1;
        return ActivationKernels.powerOfTwo(x, s, bits, LsqActivation.gradientScale(x, exponents));
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public boolean signed() {
        return false;
    }

    @Override
    public String label() {
        return "power-of-two activations " + bits + "-bit (INFERRED)";
    }

    @Override
    public Map<String, Double> scalars() {
        return Map.of("act s", scale.current());
    }
}
