package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;

/**
 * Trained Ternary Quantization (Zhu et al. 2017, docs/methods/ternary.md#ttq): w_t ∈ {−W_n, 0, +W_p} with Δ = t·max|w̃|
 * per layer and two learned positive scalars per layer, initialised at 1.0 as the reference code does.
 *
 * <p>Forward y = coef·w̃ − stop(coef·w̃) + W_p·m_p − W_n·m_n with detached masks and
 * coef = W_p on I_p, 1 on the dead zone, W_n on I_n (detached): autograd then gives the latent the
 * scaled STE and derives dL/dW_p = Σ_{I_p} g and dL/dW_n = −Σ_{I_n} g itself (the paper prints the
 * latter without the chain-rule minus; docs/methods/ternary.md#ttq).
 */
public final class TtqQuantizer extends FloatLatentQuantizer {
    private final double threshold;
    private final Parameter wp;
    private final Parameter wn;

    TtqQuantizer(LayerGeometry layer, double threshold) {
        super(layer);
        this.threshold = threshold;
        this.wp = scalar("w_p", 1f);
        this.wn = scalar("w_n", 1f);
    }

    public static QuantizerFactory factory(double threshold) {
        return Factories.of(Method.TTQ, label(threshold), List.of(threshold), layer -> new TtqQuantizer(layer, threshold));
    }

    private static String label(double t) {
        return String.format(Locale.ROOT, "TTQ (learned W_p, W_n per layer; Δ=%.3g·max|w̃|)", t);
    }

    /** t in Δ = t·max|w̃|. */
    public double threshold() {
        return threshold;
    }

    public Parameter positiveScale() {
        return wp;
    }

    public Parameter negativeScale() {
        return wn;
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        NDArray p = values.get(1);
        NDArray n = values.get(2);
        NDArray detached = w.stopGradient();
        NDArray delta = detached.abs().max().mul(threshold);
        NDArray mp = detached.gt(delta).toType(w.getDataType(), false);
        NDArray mn = detached.lt(delta.neg()).toType(w.getDataType(), false);
        NDArray ternary = mp.mul(p).sub(mn.mul(n));
        if (mode == WeightMode.SNAPPED) {
            return QuantizedWeights.of(ternary.stopGradient());
        }
        NDArray zero = mp.add(mn).neg().add(1f);
        NDArray coef = mp.mul(p.stopGradient()).add(mn.mul(n.stopGradient())).add(zero);
        NDArray scaled = coef.mul(w);
        return QuantizedWeights.of(scaled.sub(scaled.stopGradient()).add(ternary));
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        return compute(values, WeightMode.SNAPPED, progress, scratch).weight();
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        return w.div(w.abs().max().maximum(1e-12f)).reshape(-1);
    }

    @Override
    public LatentAxis axis(double progress) {
        return new LatentAxis("w̃/max|w̃|", -1, 1, List.of(new ReferenceLine(-threshold, "−t"),
                new ReferenceLine(threshold, "+t")), false);
    }

    @Override
    public Map<String, Double> scalars(List<NDArray> values, double progress) {
        return Map.of("W_p", (double) values.get(1).getFloat(0), "W_n", (double) values.get(2).getFloat(0));
    }

    @Override
    public double nominalBits() {
        return LOG2_3;
    }

    @Override
    public long sideFloats() {
        return 2;
    }

    @Override
    public String label() {
        return label(threshold);
    }
}
