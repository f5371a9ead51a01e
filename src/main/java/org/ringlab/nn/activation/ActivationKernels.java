package org.ringlab.nn.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.ringlab.nn.quantizer.OwnedScalar;

/**
 * The activation quantizers of docs/methods/activations.md on the engine, one layer input per call.
 *
 * <p>Every result, intermediates included, is created in the input {@code x}'s manager (the
 * batch's): a learned parameter (LSQ's step, PACT's α) is only ever an operand, first lifted into
 * that manager by {@code OwnedScalar.of(x, 1).mul(p)}, so no op attaches to the model's manager and
 * nothing outlives the step. Constants that autograd reads in the backward pass are {@link
 * OwnedScalar}s. Identities are written stop(a) + (y − stop(y)), so each forward value is exactly
 * the quantized a in float32 and the gradient is y's.
 */
public final class ActivationKernels {
    /** BitNet's floor on a token's absmax [CODE]. */
    static final float ABSMAX_FLOOR = 1e-5f;
    /** PACT's α is kept above this in the forward, so a decayed α cannot divide by zero [INFERRED guard]. */
    static final float PACT_MIN_ALPHA = 1e-3f;
    /** The smallest input the power-of-two quantizer takes the log of (smaller ones are zero anyway). */
    private static final float LOG_FLOOR = 1e-30f;

    private ActivationKernels() {
    }

    /**
     * LSQ (Esser et al. 2020): v̂ = round(clip(v/s, −Q_N, Q_P))·s with the step's gradient scaled by g.
     * Backward: dv̂/dv = 1 inside the range, 0 outside; dv̂/ds = g·(round(v/s) − v/s) inside, g·(−Q_N)
     * below, g·Q_P above.
     *
     * @param step the layer's step, one element
     * @param qn Q_N, 0 for an unsigned input
     * @param qp Q_P
     * @param g the step's gradient scale
     */
    public static NDArray lsq(NDArray x, NDArray step, float qn, float qp, double g) {
        NDArray scaled = gradScaled(x, step, g);
        NDArray clipped = x.div(scaled).clip(-qn, qp);
        NDArray code = clipped.stopGradient().round();
        return code.add(clipped.sub(clipped.stopGradient())).mul(scaled);
    }

    /**
     * DoReFa [CODE: tensorpack DoReFa-Net]: clip(x, 0, 1), then round((2^k − 1)·x)/(2^k − 1) with the
     * round's gradient the identity; the clip's gradient is 1{0 ≤ x ≤ 1}.
     */
    public static NDArray dorefa(NDArray x, int bits) {
        float levels = (float) ((1 << bits) - 1);
        NDArray y = x.clip(0f, 1f).mul(OwnedScalar.of(x, levels));
        NDArray rounded = y.stopGradient().round().add(y.sub(y.stopGradient()));
        return rounded.div(OwnedScalar.of(x, levels));
    }

    /**
     * PACT (Choi et al. 2018): y = clip(x, 0, α), y_q = round(y·(2^k − 1)/α)·α/(2^k − 1), the round
     * straight through, so dy_q/dx = 1{0 ≤ x < α} and dy_q/dα = 1{x ≥ α}.
     *
     * @param alpha the layer's clip level α, one element
     */
    public static NDArray pact(NDArray x, NDArray alpha, int bits) {
        float levels = (float) ((1 << bits) - 1);
        NDArray a = OwnedScalar.of(x, 1).mul(alpha).maximum(OwnedScalar.of(x, PACT_MIN_ALPHA));
        NDArray ad = a.stopGradient();
        NDArray xd = x.stopGradient();
        NDArray inside = xd.gte(0f).logicalAnd(xd.lt(ad)).toType(DataType.FLOAT32, false);
        NDArray above = xd.gte(ad).toType(DataType.FLOAT32, false);
        NDArray y = x.mul(inside).add(a.mul(above));
        NDArray q = y.stopGradient().mul(levels).div(ad).round().mul(ad).div(levels);
        return q.add(y.sub(y.stopGradient()));
    }

    /**
     * BitNet b1.58 [CODE]: per token (axis 1: a linear input's features, a conv input's channels at
     * each pixel), s = Q/max(max|x|, 1e-5) with Q = 2^(b−1) − 1 (127 at 8 bits), x_q = clip(round(x·s),
     * −Q−1, Q)/s, straight through (the gradient is the identity).
     */
    public static NDArray absmax(NDArray x, int bits) {
        float q = (float) ((1 << (bits - 1)) - 1);
        NDArray xd = x.stopGradient();
        NDArray scale = xd.abs().max(new int[] {1}, true).maximum(ABSMAX_FLOOR).pow(-1f).mul(q);
        NDArray quantized = xd.mul(scale).round().clip(-q - 1, q).div(scale);
        return quantized.add(x.sub(xd));
    }

    /**
     * Unsigned power-of-two activations [INFERRED from Badar 2025's abstract; docs/methods/activations.md]: with
     * m = 2^b − 2 exponents below 0, a_q = 0 if a &lt; s·2^−m/√2, else s·2^clip(round(log2(a/s)), −m, 0).
     * Backward through log2 with the round straight through: inside the range da_q/da = a_q/a and
     * da_q/ds = 0 (the two terms cancel); above it a_q = s (da_q/ds = g); below it but not zeroed a_q =
     * s·2^−m (da_q/ds = g·2^−m); zeroed: no gradient. The step's gradient is scaled by g as LSQ's.
     */
    public static NDArray powerOfTwo(NDArray x, NDArray step, int bits, double g) {
        float m = (float) ((1 << bits) - 2);
        NDArray scaled = gradScaled(x, step, g);
        NDArray sd = scaled.stopGradient();
        NDArray threshold = sd.mul((float) (Math.pow(2, -m) / Math.sqrt(2)));
        NDArray keep = x.stopGradient().gte(threshold).toType(DataType.FLOAT32, false);
        NDArray t = x.maximum(OwnedScalar.of(x, LOG_FLOOR)).div(scaled).log2().clip(-m, 0f);
        NDArray exponent = t.stopGradient().round().add(t.sub(t.stopGradient()));
        return OwnedScalar.of(x, 2).pow(exponent).mul(scaled).mul(keep);
    }

    /**
     * HitNet's Bernoulli ternary quantizer (BTQ, Wang et al. 2018) [RECALLED form; docs/methods/activations.md]: x
     * clipped to [−1, 1], x_q = sign(x)·B with B ~ Bernoulli(|x|), so E[x_q] = x; the gradient is the
     * identity inside [−1, 1] and 0 outside. Without sampling (evaluation) x_q = sign(x)·1{|x| &gt; ½}
     * [INFERRED: the paper's evaluation rule was not verified].
     *
     * @param sample draw B (training), else the deterministic threshold
     */
    public static NDArray bernoulliTernary(NDArray x, boolean sample) {
        NDArray c = x.clip(-1f, 1f);
        NDArray cd = c.stopGradient();
        NDArray magnitude = cd.abs();
        NDArray on;
        if (sample) {
            NDArray u = x.getManager().randomUniform(0f, 1f, x.getShape(), DataType.FLOAT32, x.getDevice());
            on = u.lt(magnitude);
        } else {
            on = magnitude.gt(0.5f);
        }
        NDArray q = cd.sign().mul(on.toType(DataType.FLOAT32, false));
        return q.add(c.sub(cd));
    }

    /** s with value s and gradient g·ds: stop(s) + (g·s − stop(g·s)), in x's manager. */
    private static NDArray gradScaled(NDArray x, NDArray step, double g) {
        NDArray s = OwnedScalar.of(x, 1).mul(step);
        NDArray gs = s.mul(OwnedScalar.of(x, g));
        return s.stopGradient().add(gs.sub(gs.stopGradient()));
    }
}
