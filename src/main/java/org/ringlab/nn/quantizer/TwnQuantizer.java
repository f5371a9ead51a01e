package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.ringlab.config.Method;
import org.ringlab.config.TwnVariant;

/**
 * Ternary Weight Networks (Li &amp; Liu 2016, docs/methods/ternary.md#twn): W_t = α·sign(W)·1[|W| &gt; Δ], STE
 * backward. The paper's variant uses Δ = 0.7·mean|W| per layer; the official code's uses 0.75·mean|W| and α per
 * output channel. Δ and α are recomputed every pass and not differentiated.
 */
public final class TwnQuantizer extends FloatLatentQuantizer {
    /** Which published form. */
    private final TwnVariant variant;

    TwnQuantizer(LayerGeometry layer, TwnVariant variant) {
        super(layer);
        this.variant = variant;
    }

    public static QuantizerFactory factory(TwnVariant variant) {
        return Factories.of(Method.TWN, variant.label(), List.of(variant), layer -> new TwnQuantizer(layer, variant));
    }

    /** Δ, detached: per layer (a scalar) or per output channel (keepDims, broadcastable). */
    private NDArray threshold(NDArray w) {
        NDArray abs = w.stopGradient().abs();
        NDArray mean = variant.perChannel() ? perChannelMean(abs) : abs.mean();
        return mean.mul(variant.factor());
    }

    /** Mean over all but the first axis, kept broadcastable: DJL's PyTorch mean takes one axis only. */
    private static NDArray perChannelMean(NDArray a) {
        long[] kept = new long[a.getShape().dimension()];
        java.util.Arrays.fill(kept, 1);
        kept[0] = a.getShape().get(0);
        return a.reshape(kept[0], -1).mean(new int[] {1}).reshape(new ai.djl.ndarray.types.Shape(kept));
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        NDArray w = values.get(0).stopGradient();
        NDArray abs = w.abs();
        NDArray mask = abs.gt(threshold(w)).toType(w.getDataType(), false);
        NDArray kept = variant.perChannel() ? mask.sum(perChannelAxes(w), true) : mask.sum();
        NDArray absSum = variant.perChannel() ? abs.mul(mask).sum(perChannelAxes(w), true) : abs.mul(mask).sum();
        // a channel with nothing above Δ has no α; it deploys as zeros either way
        NDArray alpha = absSum.div(kept.maximum(1f));
        return w.sign().mul(mask).mul(alpha);
    }

    @Override
    public NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        NDArray w = values.get(0).stopGradient();
        return w.sign().mul(w.abs().gt(threshold(w)).toType(w.getDataType(), false)).reshape(-1);
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        return w.div(threshold(w)).reshape(-1);
    }

    @Override
    public LatentAxis axis(double progress) {
        return new LatentAxis("w/Δ", -3, 3, List.of(new ReferenceLine(-1, "−Δ (dead zone)"),
                new ReferenceLine(1, "+Δ (dead zone)")), false);
    }

    @Override
    public double nominalBits() {
        return LOG2_3;
    }

    @Override
    public long sideFloats() {
        return variant.perChannel() ? layer.outputs() : 1;
    }

    @Override
    public String label() {
        return variant.label();
    }
}
