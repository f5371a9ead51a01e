package org.ringlab.nn.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * LSQ activations (Esser et al. 2020; docs/methods/activations.md#lsq): one learned step per layer input, set from
 * the first batch to 2·mean|v|/√Q_P [CODE: lsq-net README quoting the paper]. Unsigned (Q_N = 0,
 * Q_P = 2^b − 1) for post-ReLU inputs, signed (Q_N = 2^(b−1), Q_P = 2^(b−1) − 1) [RECALLED] for the
 * first layer's image. The step's gradient scale is g = 1/√(N_F·Q_P) with N_F the features of one
 * sample (the paper's "number of features"; lsq-net's code uses the whole batch's numel instead).
 */
final class LsqActivation implements ActivationQuantizer {
    private final int bits;
    private final boolean signed;
    private final LearnedScalar step = LearnedScalar.fromFirstBatch("act_step");

    LsqActivation(int bits, boolean signed) {
        this.bits = bits;
        this.signed = signed;
    }

    float qn() {
        return signed ? (float) (1 << (bits - 1)) : 0f;
    }

    float qp() {
        return signed ? (float) ((1 << (bits - 1)) - 1) : (float) ((1 << bits) - 1);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(step.parameter());
    }

    @Override
    public NDArray apply(NDArray x, List<NDArray> values, boolean training) {
        NDArray s = values.get(0);
        float qp = qp();
        step.ensureSet(s, x, v -> 2 * v.abs().mean().getFloat() / Math.sqrt(qp));
        return ActivationKernels.lsq(x, s, qn(), qp, gradientScale(x, qp));
    }

    /** g = 1/√(N_F·Q_P), N_F = the input's size per sample. */
    static double gradientScale(NDArray x, float qp) {
        long perSample = x.size() / Math.max(1, x.getShape().get(0));
        return 1.0 / Math.sqrt((double) perSample * qp);
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public boolean signed() {
        return signed;
    }

    @Override
    public String label() {
        return "LSQ activations " + bits + "-bit " + (signed ? "signed" : "unsigned") + " (learned step)";
    }

    @Override
    public Map<String, Double> scalars() {
        return Map.of("act s", step.current());
    }
}
