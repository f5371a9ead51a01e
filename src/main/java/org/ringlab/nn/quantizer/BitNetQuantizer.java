package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;

/**
 * BitNet b1.58 absmean ternary weights (Ma et al. 2024, docs/methods/ternary.md#bitnet): γ = mean|W| per tensor,
 * q = RoundClip(W/(γ+ε), −1, 1)·γ (zero band |w| &lt; γ/2, against TWN's 0.7), STE by detach.
 *
 * <p>Options from "An Extra RMSNorm is All You Need" (Steinmetz et al. 2025, docs/methods/ternary.md#extra-rmsnorm): a
 * parameter-free RMSNorm on the layer input (over the channel axis at every pixel for a convolution,
 * over the features for a linear layer), and a warm-up w_λ = w + λ·stop(Q(w) − w) with λ ramping
 * linearly from 0 to 1 over the first {@code warmup} share of training (the ramp's shape is this workbench's choice,
 * not from the paper: docs/methods/ternary.md#bitnet-warmup). One λ for all layers, or layer by layer, for the paper's
 * gradual layer-wise schedule: here layer l of L ramps in the l-th of L equal stretches of the warm-up, from the input
 * to the output (the order is our choice; the paper's was not retrieved). Activations stay in float.
 */
public final class BitNetQuantizer extends FloatLatentQuantizer {
    static final float EPS = 1e-5f;
    private static final float RMS_EPS = 1e-6f;

    private final boolean rmsNorm;
    private final double warmup;
    private final boolean layerwise;
    private int index;
    private int count = 1;

    BitNetQuantizer(LayerGeometry layer, boolean rmsNorm, double warmup, boolean layerwise) {
        super(layer);
        this.rmsNorm = rmsNorm;
        this.warmup = warmup;
        this.layerwise = layerwise;
    }

    public static QuantizerFactory factory(boolean rmsNorm, double warmup) {
        return factory(rmsNorm, warmup, false);
    }

    public static QuantizerFactory factory(boolean rmsNorm, double warmup, boolean layerwise) {
        return Factories.of(Method.BITNET, label(rmsNorm, warmup, layerwise), List.of(rmsNorm, warmup, layerwise),
                layer -> new BitNetQuantizer(layer, rmsNorm, warmup, layerwise));
    }

    @Override
    public void placed(int index, int count) {
        this.index = index;
        this.count = count;
    }

    private static String label(boolean rmsNorm, double warmup, boolean layerwise) {
        String s = "BitNet b1.58 (absmean ternary, Δ=0.5·mean|W|";
        if (rmsNorm) {
            s += "; extra RMSNorm";
        }
        if (warmup > 0) {
            s += String.format(Locale.ROOT, "; λ warm-up over %.0f%% of steps%s", 100 * warmup,
                    layerwise ? ", layer by layer" : "");
        }
        return s + ")";
    }

    /** λ(t) of this layer: 1 = fully ternary. */
    public double lambda(double progress) {
        if (warmup <= 0) {
            return 1.0;
        }
        double ramp = progress / warmup;
        if (layerwise) {
            ramp = ramp * count - index;
        }
        return Math.min(1.0, Math.max(0.0, ramp));
    }

    private static NDArray gamma(NDArray w) {
        return w.stopGradient().abs().mean();
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        NDArray w = values.get(0).stopGradient();
        NDArray g = gamma(w);
        return w.div(g.add(EPS)).round().clip(-1, 1).mul(g);
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        NDArray q = quantized(values, progress, scratch);
        if (mode == WeightMode.SNAPPED) {
            return QuantizedWeights.of(q);
        }
        double lambda = lambda(progress);
        return QuantizedWeights.of(lambda >= 1 ? straightThrough(w, q)
                : w.add(q.sub(w).stopGradient().mul((float) lambda)));
    }

    @Override
    public NDArray transformInput(NDArray x) {
        if (!rmsNorm) {
            return x;
        }
        NDArray rms = x.square().mean(new int[] {1}, true).add(RMS_EPS).sqrt();
        return x.div(rms);
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        return w.div(gamma(w).add(EPS)).reshape(-1);
    }

    @Override
    public LatentAxis axis(double progress) {
        return new LatentAxis("w/γ", -3, 3, List.of(new ReferenceLine(-1, "−1"), new ReferenceLine(-0.5, "−½ (round)"),
                new ReferenceLine(0.5, "+½ (round)"), new ReferenceLine(1, "+1")), false);
    }

    @Override
    public Map<String, Double> scalars(List<NDArray> values, double progress) {
        return Map.of("gamma", (double) gamma(values.get(0)).getFloat(), "lambda", lambda(progress));
    }

    @Override
    public double nominalBits() {
        return LOG2_3;
    }

    @Override
    public long sideFloats() {
        return 1;
    }

    @Override
    public String label() {
        return label(rmsNorm, warmup, layerwise);
    }
}
