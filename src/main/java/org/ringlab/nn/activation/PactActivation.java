package org.ringlab.nn.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * PACT (Choi et al. 2018; docs/methods/activations.md#pact): a learned clip level α per layer input, initialised to
 * {@code act-pact-alpha} (10 in the App0lyon/PACT CIFAR configuration [SUMMARY]). The L2 penalty λ_α·α² is the optimiser's weight
 * decay on α (the CIFAR recipe sets λ_α equal to the weight decay, 2e-4), so {@code weight-decay}
 * sets it. Placement: at the layer input after the ReLU (placement 1 of §G6), not replacing the ReLU.
 */
final class PactActivation implements ActivationQuantizer {
    private final int bits;
    private final LearnedScalar alpha;

    PactActivation(int bits, float initialAlpha) {
        this.bits = bits;
        this.alpha = LearnedScalar.of("act_alpha", initialAlpha);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(alpha.parameter());
    }

    @Override
    public NDArray apply(NDArray x, List<NDArray> values, boolean training) {
        return ActivationKernels.pact(x, values.get(0), bits);
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
        return "PACT " + bits + "-bit (learned clip α, L2 on α by weight decay)";
    }

    @Override
    public Map<String, Double> scalars() {
        return Map.of("act α", alpha.current());
    }
}
