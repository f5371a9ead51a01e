package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.CosineTernarizer;

/**
 * Hyperspherical loss-aware ternary quantization (Liu &amp; Liu 2022, arXiv:2212.12649; docs/methods.md#hla). The
 * abstract says a regulariser pulls the float weights towards ternary ones before ternarisation and a re-scaling
 * factor imitates a temperature sigmoid's derivative; the recipe here is **INFERRED** (part 2 §E).
 *
 * <p>T(w) is the cosine-optimal ternary vector of each filter (output row) with scale s_f = ‖w_f‖/‖t_f‖
 * ({@link CosineTernarizer}, the public TNT code [CODE]). Stage 1 (the first {@code stage1} of training): the
 * forward uses the float w, and the loss gains γ(t)·mean_f(1 − cos(w_f, stop(T(w_f)))), γ ramped 0 → γ_max over
 * the stage. Stage 2: w_used = stop(s·T(w)) + r ⊙ (w − stop(w)), the STE gradient scaled by
 * r = stop(max(0.1, 4σ(1 − σ))), σ = sigmoid(τ(|w| − Δ_f)), τ = (1 + 9·progress)/std(w). SNAPPED is s·T(w) in
 * both stages.
 */
public final class HlaQuantizer extends FloatLatentQuantizer {
    static final float MIN_RESCALE = 0.1f;

    private final double gamma;
    private final double stage1;

    HlaQuantizer(LayerGeometry layer, double gamma, double stage1) {
        super(layer);
        this.gamma = gamma;
        this.stage1 = stage1;
    }

    public static QuantizerFactory factory(double gamma, double stage1) {
        return Factories.of(Method.HLA, label(gamma, stage1), List.of(gamma, stage1),
                layer -> new HlaQuantizer(layer, gamma, stage1));
    }

    private static String label(double gamma, double stage1) {
        return String.format(Locale.ROOT, "HLA cosine-optimal ternary, scale per filter (INFERRED recipe: γ=%.3g, "
                + "stage 1 = %.3g of training)", gamma, stage1);
    }

    /** Whether this share of training is in stage 2 (ternary forward). */
    public boolean ternaryStage(double progress) {
        return progress >= stage1;
    }

    /** γ: a linear ramp 0 → γ_max over stage 1, 0 in stage 2. */
    public double gamma(double progress) {
        return ternaryStage(progress) ? 0 : gamma * progress / stage1;
    }

    /** τ = τ₀·(1 + 9·progress), τ₀ = 1/std(w). */
    static double temperature(float[] w, double progress) {
        double mean = 0;
        for (float v : w) {
            mean += v;
        }
        mean /= w.length;
        double var = 0;
        for (float v : w) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / w.length);
        return (std > 0 ? 1 / std : 1) * (1 + 9 * progress);
    }

    /** The layer's ternarisation, detached: codes t, thresholds Δ_f and scales s_f broadcastable per filter. */
    @SuppressWarnings("ArrayRecordComponent") // the host copy is read, never compared
    private record Ternary(NDArray codes, NDArray thresholds, NDArray scales, float[] host, CosineTernarizer.Result rows) {
        NDArray values() {
            return codes.mul(scales);
        }
    }

    private Ternary ternarise(NDArray weights, NDManager scratch) {
        NDArray x = weights.stopGradient();
        float[] host = x.toFloatArray();
        int rows = (int) layer.outputs();
        CosineTernarizer.Result r = CosineTernarizer.of(host, rows);
        long[] dims = new long[x.getShape().dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[0] = rows;
        Shape perRow = new Shape(dims);
        // made from Java data: only ever combined with detached arrays (OwnedScalar's caveat does not apply)
        NDArray thresholds = scratch.create(r.thresholds(), perRow).toDevice(x.getDevice(), false);
        NDArray scales = scratch.create(r.scales(), perRow).toDevice(x.getDevice(), false);
        NDArray codes = x.sign().mul(x.abs().gte(thresholds).toType(x.getDataType(), false));
        return new Ternary(codes, thresholds, scales, host, r);
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        if (mode == WeightMode.SOFT && !ternaryStage(progress)) {
            return QuantizedWeights.of(w.reshape(-1));
        }
        Ternary t = ternarise(w, scratch);
        NDArray q = t.values();
        if (mode == WeightMode.SNAPPED) {
            return QuantizedWeights.of(q);
        }
        NDArray x = w.stopGradient();
        NDArray sigma = Activation.sigmoid(x.abs().sub(t.thresholds()).mul((float) temperature(t.host(), progress)));
        NDArray rescale = sigma.mul(sigma.neg().add(1f)).mul(4f).maximum(MIN_RESCALE).stopGradient();
        return QuantizedWeights.of(q.add(rescale.mul(w.sub(x))));
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        return ternarise(values.get(0), scratch).values();
    }

    /** Stage 1: γ(t)·mean over filters of (1 − cos(w_f, stop(T(w_f)))). */
    @Override
    public NDArray penalty(List<NDArray> values, double progress, NDManager scratch) {
        double weight = gamma(progress);
        if (weight == 0) {
            return null;
        }
        NDArray w = values.get(0);
        NDArray t = ternarise(w, scratch).codes();
        int[] axes = perChannelAxes(w);
        NDArray dot = w.mul(t).sum(axes);
        NDArray norms = w.mul(w).sum(axes).sqrt().mul(t.mul(t).sum(axes).sqrt());
        NDArray cos = dot.div(norms.maximum(OwnedScalar.of(norms, 1e-12)));
        return cos.neg().add(1f).mean().mul(OwnedScalar.of(w, weight));
    }

    @Override
    public NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        return ternarise(values.get(0), scratch).codes().reshape(-1);
    }

    /** |w|/Δ_f: 1 is the filter's threshold. */
    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        NDArray x = values.get(0).stopGradient();
        return x.abs().div(ternarise(x, scratch).thresholds()).reshape(-1);
    }

    @Override
    public LatentAxis axis(double progress) {
        return new LatentAxis("|w|/Δ_f", 0, 3, List.of(new ReferenceLine(1, "Δ_f (the filter's threshold)")), true);
    }

    /** Mean cos(w_f, T(w_f)) over filters, the share of zero codes, γ, τ and the stage (1 or 2). */
    @Override
    public Map<String, Double> scalars(List<NDArray> values, double progress) {
        float[] w = values.get(0).toFloatArray();
        CosineTernarizer.Result r = CosineTernarizer.of(w, (int) layer.outputs());
        double cos = 0;
        for (float c : r.cosines()) {
            cos += c;
        }
        int n = w.length / r.thresholds().length;
        long zeros = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(Math.abs(w[i]) >= r.thresholds()[i / n])) {
                zeros++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("cos(w, T(w))", cos / r.cosines().length);
        out.put("zero share", (double) zeros / w.length);
        out.put("γ", gamma(progress));
        out.put("τ", temperature(w, progress));
        out.put("stage", ternaryStage(progress) ? 2.0 : 1.0);
        return out;
    }

    @Override
    public double nominalBits() {
        return LOG2_3;
    }

    /** One scale per filter (output channel or output row). */
    @Override
    public long sideFloats() {
        return layer.outputs();
    }

    @Override
    public String label() {
        return label(gamma, stage1);
    }
}
