package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Locale;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.TequilaGroups;

/**
 * Tequila (Huang et al. 2025, docs/methods/ternary.md#tequila): ternary weights with α per group of G consecutive
 * inputs of one output row, and the dead-zone weights reused as a dynamic per-output bias C_o = λ·Σ_{dead} w,
 * fused into the bias at inference. Math: {@link TequilaKernel}, {@link TequilaGroups}. C_o is part
 * of the deployed model, so SNAPPED keeps it (computed from the latent weights, detached).
 */
public final class TequilaQuantizer extends FloatLatentQuantizer {
    private final int group;
    private final float lambda;

    TequilaQuantizer(LayerGeometry layer, int group, double lambda) {
        super(layer);
        this.group = group;
        this.lambda = (float) lambda;
    }

    public static QuantizerFactory factory(int group, double lambda) {
        return Factories.of(Method.TEQUILA, label(group, lambda), List.of(group, lambda),
                layer -> new TequilaQuantizer(layer, group, lambda));
    }

    private static String label(int group, double lambda) {
        return String.format(Locale.ROOT, "Tequila (ternary, groups of %d, dead-zone bias λ=%.3g)", group, lambda);
    }

    private int rows() {
        return (int) layer.outputs();
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        if (mode == WeightMode.SNAPPED) {
            NDArray detached = w.stopGradient();
            return new QuantizedWeights(TequilaKernel.quantize(detached, group), null,
                    TequilaKernel.dynamicBias(detached, group, lambda).stopGradient());
        }
        return new QuantizedWeights(TequilaKernel.ternaryWeights(w, group), null,
                TequilaKernel.dynamicBias(w, group, lambda));
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        return TequilaKernel.quantize(values.get(0), group);
    }

    @Override
    public NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        return scratch.create(LsqQuantizer.toFloats(TequilaGroups.codes(values.get(0).toFloatArray(), rows(), group)));
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        return scratch.create(TequilaGroups.latent(values.get(0).toFloatArray(), rows(), group));
    }

    @Override
    public LatentAxis axis(double progress) {
        return new LatentAxis("w/α_g", -3, 3, List.of(new ReferenceLine(-1, "−1"),
                new ReferenceLine(-0.5, "−½ (dead zone)"), new ReferenceLine(0.5, "+½ (dead zone)"),
                new ReferenceLine(1, "+1")), false);
    }

    @Override
    public double nominalBits() {
        return LOG2_3;
    }

    @Override
    public long sideFloats() {
        return TequilaGroups.sideInfoFloats(rows(), (int) layer.fanIn(), group);
    }

    @Override
    public String label() {
        return label(group, lambda);
    }
}
