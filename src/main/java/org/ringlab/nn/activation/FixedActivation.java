package org.ringlab.nn.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;
import org.ringlab.config.ActQuantizer;

/** The activation quantizers that learn nothing: DoReFa's, BitNet's absmax per token and HitNet's BTQ. */
final class FixedActivation implements ActivationQuantizer {
    private final ActQuantizer kind;
    private final int bits;

    FixedActivation(ActQuantizer kind, int bits) {
        if (kind != ActQuantizer.DOREFA && kind != ActQuantizer.BITNET && kind != ActQuantizer.HITNET) {
            throw new IllegalArgumentException(kind + " learns a parameter");
        }
        this.kind = kind;
        this.bits = bits;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public NDArray apply(NDArray x, List<NDArray> values, boolean training) {
        return switch (kind) {
            case DOREFA -> ActivationKernels.dorefa(x, bits);
            case BITNET -> ActivationKernels.absmax(x, bits);
            default -> ActivationKernels.bernoulliTernary(x, training);
        };
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public boolean signed() {
        return kind != ActQuantizer.DOREFA;
    }

    @Override
    public String label() {
        return switch (kind) {
            case DOREFA -> "DoReFa activations " + bits + "-bit (clip to [0, 1])";
            case BITNET -> "BitNet absmax per token " + bits + "-bit";
            default -> "HitNet Bernoulli ternary (RECALLED; evaluation threshold ½ INFERRED)";
        };
    }
}
