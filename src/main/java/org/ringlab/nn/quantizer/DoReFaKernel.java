package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.ringlab.quant.DoReFaGrid;

/**
 * DoReFa weight quantization (Zhou et al. 2016, docs/methods/uniform.md#dorefa) on the engine, one layer per call.
 *
 * <p>k ≥ 2: x = tanh(w)/(2·max|tanh w|) + ½, w_q = 2·quantize_k(x) − 1 with quantize_k(x) =
 * round((2^k − 1)·x)/(2^k − 1). The straight-through estimator covers only the round: the tanh
 * normalisation, the layer max included, is differentiated as written (the reference's autograd
 * does the same), so dw_q/dw is the derivative of the un-rounded 2x − 1.
 *
 * <p>k = 1: w_q = E·sgn(w), E = mean|w| per layer as a constant, sgn(0) = +1. The STE passes the
 * incoming gradient unchanged (dL/dw = dL/dw_q), as the reference's custom gradient does
 * ({@code lambda dy: dy}); the gradient is not scaled by E.
 *
 * <p>Identities are written stop(a) + (x − stop(x)) so forward values are exactly a in float32.
 * All results are created in {@code w}'s manager.
 */
public final class DoReFaKernel {
    private DoReFaKernel() {
    }

    /**
     * The training forward with DoReFa's straight-through gradients.
     *
     * @param w the layer's latent weights, any shape (the max and mean run over all of it)
     * @param bits k, 1 to {@link DoReFaGrid#MAX_BITS}
     * @return w_q with w's shape, in w's manager
     */
    public static NDArray fakeQuantize(NDArray w, int bits) {
        int levels = DoReFaGrid.levelCount(bits) - 1;
        if (bits == 1) {
            NDArray binary = binary(w.stopGradient());
            return binary.add(w.sub(w.stopGradient()));
        }
        NDArray y = normalised(w).mul(OwnedScalar.of(w, levels));
        NDArray rounded = y.stopGradient().round().add(y.sub(y.stopGradient()));
        return rounded.div(OwnedScalar.of(w, levels)).mul(OwnedScalar.of(w, 2)).sub(1f);
    }

    /**
     * The deployed weights (no gradient, whatever the thread's grad mode): 2·quantize_k(x) − 1,
     * or E·sgn(w) for k = 1.
     *
     * @param w the layer's latent weights, any shape
     * @param bits k, 1 to {@link DoReFaGrid#MAX_BITS}
     * @return the quantized weights with w's shape, in w's manager
     */
    public static NDArray quantize(NDArray w, int bits) {
        int levels = DoReFaGrid.levelCount(bits) - 1;
        NDArray detached = w.stopGradient();
        if (bits == 1) {
            return binary(detached);
        }
        return normalised(detached).mul((float) levels).round().div((float) levels).mul(2f).sub(1f);
    }

    /** x = tanh(w)/(2·max|tanh w|) + ½; the guard keeps an all-zero layer at ½ instead of NaN. */
    private static NDArray normalised(NDArray w) {
        NDArray t = w.tanh();
        NDArray twiceMax = t.abs().max().maximum(OwnedScalar.of(w, Float.MIN_NORMAL)).mul(OwnedScalar.of(w, 2));
        return t.div(twiceMax).add(0.5f);
    }

    /** E·sgn(w) with sgn(0) = +1, on a detached array. */
    private static NDArray binary(NDArray detached) {
        NDArray e = detached.abs().mean();
        return detached.gte(0f).toType(DataType.FLOAT32, false).mul(2f).sub(1f).mul(e);
    }
}
