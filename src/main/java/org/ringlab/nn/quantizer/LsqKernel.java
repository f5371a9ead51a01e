package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.ringlab.quant.LsqGrid;

/**
 * LSQ (Esser et al. 2020, docs/methods/uniform.md#lsq) on the engine: signed weights, one learned step s per layer.
 *
 * <p>Forward v̂ = round(clip(v/s, −Q_N, Q_P))·s. Backward, from the detach identities of docs/methods/uniform.md#lsq:
 * dv̂/dv = 1 inside the range and 0 when clipped; dv̂/ds = (round(v/s) − v/s) inside, −Q_N or Q_P
 * when clipped, times g = 1/√(N·Q_P). The identities are written as stop(a) + (x − stop(x))
 * rather than x + stop(a − x): the same gradient, and the forward value is exactly a in float32,
 * so the training forward equals {@link #quantize} and {@link LsqGrid#dequantize} bit for bit.
 * At a clip bound itself torch's clamp passes the gradient (a measure-zero tie).
 *
 * <p><b>b = 1</b> is the symmetric sign code {−s, +s} (see {@link LsqGrid}): Q_N = Q_P = 1, the
 * round becomes sgn with sgn(0) = +1, g = 1/√N, and the same rules hold with round → sgn.
 *
 * <p>All results (intermediates included) are created in {@code v}'s manager; {@code step} is
 * only ever an operand, so borrowing {@code v} into a scratch manager is enough.
 */
public final class LsqKernel {
    private LsqKernel() {
    }

    /**
     * The training forward: fake-quantized weights with LSQ's gradients to {@code v} and {@code step}.
     *
     * @param v the latent weights, any shape (N = v.size() weights)
     * @param step the layer's step s, a one-element array (shape () or (1)), positive
     * @param bits code width b, 1 to {@link LsqGrid#MAX_BITS}
     * @return v̂ with v's shape, in v's manager
     */
    public static NDArray fakeQuantize(NDArray v, NDArray step, int bits) {
        checkStep(step);
        float qn = LsqGrid.negativeLevels(bits);
        float qp = LsqGrid.positiveLevels(bits);
        double g = 1.0 / Math.sqrt((double) v.size() * qp);
        // s' = stop(s) + (g·s − stop(g·s)): value s exactly, gradient g (the textbook form is g·s + stop(s − g·s)).
        NDArray s = OwnedScalar.of(v, 1).mul(step);
        NDArray gs = s.mul(OwnedScalar.of(v, g));
        NDArray scaled = s.stopGradient().add(gs.sub(gs.stopGradient()));
        NDArray clipped = v.div(scaled).clip(-qn, qp);
        NDArray code = bits == 1 ? signCode(clipped.stopGradient()) : clipped.stopGradient().round();
        NDArray rounded = code.add(clipped.sub(clipped.stopGradient()));
        return rounded.mul(scaled);
    }

    /**
     * The deployed weights round(clip(v/s, −Q_N, Q_P))·s, computed on detached inputs (no gradient
     * whatever the thread's grad mode).
     *
     * @param v the latent weights, any shape
     * @param step the layer's step s, a one-element positive array
     * @param bits code width b, 1 to {@link LsqGrid#MAX_BITS}
     * @return the dequantised weights with v's shape, in v's manager
     */
    public static NDArray quantize(NDArray v, NDArray step, int bits) {
        checkStep(step);
        float qn = LsqGrid.negativeLevels(bits);
        float qp = LsqGrid.positiveLevels(bits);
        NDArray s = OwnedScalar.of(v, 1).mul(step).stopGradient();
        NDArray clipped = v.stopGradient().div(s).clip(-qn, qp);
        NDArray code = bits == 1 ? signCode(clipped) : clipped.round();
        return code.mul(s);
    }

    /**
     * LSQ's initial step 2·mean|v|/√Q_P from the (pretrained or initial) weights.
     *
     * @param v the layer's weights, flat
     * @param bits code width b
     * @return the step, positive
     */
    public static float initialStep(float[] v, int bits) {
        return LsqGrid.initialStep(v, bits);
    }

    /** ±1 with sgn(0) = +1, as a float array in x's manager (no gradient). */
    private static NDArray signCode(NDArray x) {
        return x.gte(0f).toType(DataType.FLOAT32, false).mul(2f).sub(1f);
    }

    private static void checkStep(NDArray step) {
        if (step.size() != 1) {
            throw new IllegalArgumentException("the LSQ step must be one value per layer, got shape " + step.getShape());
        }
    }
}
