package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.ringlab.config.Method;

/**
 * HitNet's weights (Wang et al. NeurIPS 2018, docs/methods/hitnet.md#weights): threshold ternary per
 * weight matrix, w_q = α·sign(w)·1[|w| &gt; Δ] with Δ = 0.7·mean|w| and α = mean of |w| above Δ,
 * recomputed every pass, STE backward. The rule is RECALLED (the reviewers' description) and its
 * constants INFERRED (TWN's): no code or full text was at hand. HitNet's Bernoulli-ternary
 * activations are an activation quantizer, not part of this class.
 */
public final class HitNetQuantizer extends FloatLatentQuantizer {
    /** Δ = 0.7·mean|w| [RECALLED/INFERRED]. */
    public static final double THRESHOLD_FACTOR = 0.7;
    private static final String LABEL = "HitNet threshold-ternary weights (INFERRED: Δ=0.7·mean|W|, α per matrix)";
    /** α/Δ at the last view, for the latent view's ±α lines. */
    private volatile double alphaOverDelta = Double.NaN;

    HitNetQuantizer(LayerGeometry layer) {
        super(layer);
    }

    public static QuantizerFactory factory() {
        return Factories.of(Method.HITNET, LABEL, List.of(), HitNetQuantizer::new);
    }

    /** Δ of the detached weights. */
    private static NDArray threshold(NDArray w) {
        return w.stopGradient().abs().mean().mul((float) THRESHOLD_FACTOR);
    }

    /** α: the mean magnitude above Δ (0 when nothing is above it: the matrix deploys as zeros). */
    private static NDArray alpha(NDArray w, NDArray mask) {
        return w.abs().mul(mask).sum().div(mask.sum().maximum(1f));
    }

    private static NDArray mask(NDArray w) {
        return w.abs().gt(threshold(w)).toType(w.getDataType(), false);
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        NDArray w = values.get(0).stopGradient();
        NDArray mask = mask(w);
        return w.sign().mul(mask).mul(alpha(w, mask));
    }

    @Override
    public NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        NDArray w = values.get(0).stopGradient();
        return w.sign().mul(mask(w)).reshape(-1);
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        NDArray w = values.get(0).stopGradient();
        NDArray delta = threshold(w);
        float d = delta.getFloat();
        alphaOverDelta = d > 0 ? alpha(w, mask(w)).getFloat() / d : Double.NaN;
        return w.div(delta.maximum(1e-12f)).reshape(-1);
    }

    @Override
    public LatentAxis axis(double progress) {
        List<ReferenceLine> lines = new java.util.ArrayList<>(List.of(new ReferenceLine(-1, "−Δ"),
                new ReferenceLine(1, "+Δ")));
        double a = alphaOverDelta;
        if (Double.isFinite(a)) {
            lines.add(new ReferenceLine(-a, "−α"));
            lines.add(new ReferenceLine(a, "+α"));
        }
        return new LatentAxis("w/Δ", -3, 3, lines, true);
    }

    @Override
    public Map<String, Double> scalars(List<NDArray> values, double progress) {
        NDArray w = values.get(0).stopGradient();
        return Map.of("Δ", (double) threshold(w).getFloat(), "α", (double) alpha(w, mask(w)).getFloat());
    }

    @Override
    public double nominalBits() {
        return LOG2_3;
    }

    /** One α per weight matrix. */
    @Override
    public long sideFloats() {
        return 1;
    }

    @Override
    public String label() {
        return LABEL;
    }
}
