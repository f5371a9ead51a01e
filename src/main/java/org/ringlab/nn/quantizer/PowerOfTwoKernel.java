package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.ringlab.quant.PowerOfTwoGrid;

/**
 * Power-of-two ("shift") weight quantization on the engine: the INFERRED reading of Badar
 * (arXiv:2510.16088) in docs/methods/power-of-two.md, of which only the abstract is known. Code layout, scale and the
 * absence of a zero code are described in {@link PowerOfTwoGrid}.
 *
 * <p>Training uses the slope-k relaxation with its true derivative (no straight-through estimator):
 * R_k(x) = floor(x) + clip(k·(x − floor(x) − ½) + ½, 0, 1) and
 * Q_k(w) = s·sgn(w)·2^R_k(clip(log2(|w|/s), e_min, 0)). R_1 is the identity (Q_1(w) = w for
 * s·2^e_min ≤ |w| ≤ s) and R_k → round as k → ∞. dQ_k/dw = s·2^R·k/|w| inside the transition bands
 * (|frac(x) − ½| < 1/(2k)), 0 on the flats and where the exponent is clipped. One bit:
 * Q_k(w) = s·clip(k·w/s, −1, 1). The scale s is a per-layer constant (no gradient).
 *
 * <p>All results are created in {@code w}'s manager.
 */
public final class PowerOfTwoKernel {
    private PowerOfTwoKernel() {
    }

    /**
     * The relaxed quantizer Q_k for training, differentiated as written.
     *
     * @param w the layer's latent weights, any shape
     * @param bits n, 1 to {@link PowerOfTwoGrid#MAX_BITS}
     * @param slope k ≥ 1 (1 = identity on the exponent)
     * @return Q_k(w) with w's shape, in w's manager
     */
    public static NDArray relaxed(NDArray w, int bits, double slope) {
        if (!(slope >= 1) || Double.isInfinite(slope)) {
            throw new IllegalArgumentException("the power-of-two slope must be a finite number ≥ 1, got " + slope);
        }
        int min = PowerOfTwoGrid.minExponent(bits);
        NDArray detached = w.stopGradient();
        NDArray s = scale(detached);
        if (bits == 1) {
            return w.mul(OwnedScalar.of(w, slope)).div(s).clip(-1f, 1f).mul(s);
        }
        // Below s·2^(e_min−1) the exponent is clipped anyway; the floor keeps log2 and its gradient finite at w = 0.
        NDArray magnitude = w.abs().maximum(s.mul((float) Math.scalb(1.0, min - 1)));
        NDArray x = magnitude.div(s).log2().clip(min, 0);
        NDArray whole = x.stopGradient().floor();
        NDArray r = whole.add(x.sub(whole).sub(0.5f).mul(OwnedScalar.of(w, slope)).add(0.5f).clip(0f, 1f));
        return sign(detached).mul(s).mul(OwnedScalar.of(w, 2).pow(r));
    }

    /**
     * The hard quantizer Q(w) = s·sgn(w)·2^clip(round(log2(|w|/s)), e_min, 0) with
     * s = 2^round(log2 max|w|) per layer, sgn(0) = +1 and no zero code; no gradient.
     *
     * @param w the layer's weights, any shape
     * @param bits n, 1 to {@link PowerOfTwoGrid#MAX_BITS}
     * @return the deployed weights with w's shape, in w's manager
     */
    public static NDArray quantize(NDArray w, int bits) {
        int min = PowerOfTwoGrid.minExponent(bits);
        NDArray detached = w.stopGradient();
        NDArray s = scale(detached);
        if (bits == 1) {
            return sign(detached).mul(s);
        }
        NDArray e = detached.abs().maximum(s.mul((float) Math.scalb(1.0, min - 1))).div(s).log2().round().clip(min, 0);
        return sign(detached).mul(s).mul(w.getManager().create(2f).pow(e));
    }

    /**
     * The slope at a point of training: a geometric ramp k = finalSlope^progress from 1 at
     * progress 0 to finalSlope at progress 1 (progress is clamped to [0, 1]). INFERRED: the paper's schedule is
     * unknown; a geometric ramp is this workbench's choice (docs/methods/power-of-two.md#slope-schedule).
     *
     * @param progress fraction of training done
     * @param finalSlope the slope at the end, ≥ 1
     * @return the slope k
     */
    public static double slopeAt(double progress, double finalSlope) {
        if (!(finalSlope >= 1) || Double.isInfinite(finalSlope)) {
            throw new IllegalArgumentException("the final power-of-two slope must be a finite number ≥ 1, got "
                    + finalSlope);
        }
        if (Double.isNaN(progress)) {
            throw new IllegalArgumentException("training progress is not a number");
        }
        return Math.pow(finalSlope, Math.max(0, Math.min(1, progress)));
    }

    /** s = 2^round(log2 max|w|) as a scalar; an all-zero layer uses the smallest normal float. */
    private static NDArray scale(NDArray detached) {
        NDArray exponent = detached.abs().max().maximum(Float.MIN_NORMAL).log2().round();
        return detached.getManager().create(2f).pow(exponent);
    }

    /** ±1 with sgn(0) = +1. */
    private static NDArray sign(NDArray detached) {
        return detached.gte(0f).toType(DataType.FLOAT32, false).mul(2f).sub(1f);
    }
}
