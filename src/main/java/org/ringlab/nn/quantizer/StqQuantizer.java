package org.ringlab.nn.quantizer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;

/**
 * STQ / adaptive binary-ternary quantization (Morin, Razani, Partovi Nia, Sari 2019, arXiv:1909.12205;
 * docs/methods.md#stq). The paper's abstract says only that an adaptive regulariser moves each layer between
 * binary and ternary during one training run; the regulariser, the switch and their constants here are
 * **INFERRED** (part 2 §B), built on the same group's BNN+ regularisers.
 *
 * <p>Per layer: a learned α (initialised to mean|w|) and a depth flag β (1 ternary, 0 binary; every layer
 * starts ternary), an untrained parameter so that checkpoints hold it. Forward by STE with α in the graph:
 * w_q = α·sign(w) (binary; 0 counts as +1) or α·sign(w)·1[|w| &gt; α/2] (ternary). Loss term
 * η(t)·R/N with R = Σ min((|w| − α)², w² + (1 − β)·1.5·α²), η ramped 0 → {@code stq-eta} over the first 30 %.
 * Once per epoch each layer compares the reconstruction errors e_b, e_t of the two projections at its α:
 * it turns ternary when (e_b − e_t)/e_b &gt; 0.25 and more than 5 % of |w| lie below α/2, binary when the gain
 * falls below 0.10 (the gap is hysteresis). α is kept ≥ 1e-8 after every step.
 */
public final class StqQuantizer extends FloatLatentQuantizer {
    static final double LIFT = 1.5;
    static final double RAMP = 0.3;
    static final double GAIN_UP = 0.25;
    static final double GAIN_DOWN = 0.10;
    static final double MIN_ZEROS = 0.05;
    static final float MIN_ALPHA = 1e-8f;

    private final double eta;
    private final int epochs;
    private final Parameter alpha;
    private final Parameter depth;
    /** The depth flag as last read from its parameter (before each forward and each bit count). */
    private volatile boolean ternary = true;

    StqQuantizer(LayerGeometry layer, double eta, int epochs) {
        super(layer);
        this.eta = eta;
        this.epochs = epochs;
        this.alpha = scalar("alpha", 1f);
        this.depth = state("stq_depth", new ai.djl.ndarray.types.Shape(1), 1f);
    }

    public static QuantizerFactory factory(double eta, int epochs) {
        return Factories.of(Method.STQ, label(eta), List.of(eta, epochs), layer -> new StqQuantizer(layer, eta, epochs));
    }

    private static String label(double eta) {
        return String.format(Locale.ROOT, "STQ binary/ternary per layer (INFERRED regulariser and switch, η=%.3g)", eta);
    }

    public Parameter alpha() {
        return alpha;
    }

    public Parameter depth() {
        return depth;
    }

    /** η at this share of training: a linear ramp from 0 over the first 30 %. */
    public double eta(double progress) {
        return eta * Math.min(1, progress / RAMP);
    }

    /** α = mean|w| (the binary L2-optimal scale), every layer ternary. */
    @Override
    public void initialized(List<NDArray> values) {
        float[] w = values.get(0).toFloatArray();
        double sum = 0;
        for (float v : w) {
            sum += Math.abs(v);
        }
        ParameterFill.copy(values.get(1), new float[] {(float) Math.max(MIN_ALPHA, sum / w.length)});
        ParameterFill.copy(values.get(2), new float[] {1f});
        ternary = true;
    }

    @Override
    public void prepare(List<NDArray> values, double progress) {
        NDArray d = values.get(2);
        try (NDManager scratch = d.getManager().newSubManager()) {
            NDArray host = d.toDevice(Device.cpu(), true);
            host.attach(scratch);
            ternary = host.toFloatArray()[0] > 0.5f;
        }
    }

    /** The code of every weight, detached: ±1 (binary) or −1/0/+1 (ternary), by the layer's β. */
    static NDArray code(NDArray w, NDArray alpha, NDArray beta) {
        NDArray x = w.stopGradient();
        NDArray binary = x.gte(0f).toType(x.getDataType(), false).mul(2f).sub(1f);
        NDArray ternaryCode = x.sign().mul(x.abs().gt(alpha.stopGradient().div(2f)).toType(x.getDataType(), false));
        NDArray b = beta.stopGradient();
        return ternaryCode.mul(b).add(binary.mul(b.neg().add(1f)));
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        NDArray a = values.get(1);
        NDArray code = code(w, a, values.get(2));
        if (mode == WeightMode.SNAPPED) {
            return QuantizedWeights.of(code.mul(a.stopGradient()));
        }
        // forward α·code; backward: the identity to w, Σ g·code to α
        return QuantizedWeights.of(w.sub(w.stopGradient()).add(code.mul(a)));
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        return compute(values, WeightMode.SNAPPED, progress, scratch).weight();
    }

    /** η(t)·R/N, R = Σ min((|w| − α)², w² + (1 − β)·1.5·α²) (INFERRED). */
    @Override
    public NDArray penalty(List<NDArray> values, double progress, NDManager scratch) {
        double weight = eta(progress);
        if (weight == 0) {
            return null;
        }
        NDArray w = values.get(0);
        NDArray a = values.get(1);
        NDArray lift = values.get(2).stopGradient().neg().add(1f).mul((float) LIFT);
        NDArray d = w.abs().sub(a);
        NDArray valley = d.mul(d);
        NDArray zeroValley = w.mul(w).add(a.mul(a).mul(lift));
        return valley.minimum(zeroValley).sum().mul(OwnedScalar.of(w, weight / w.size()));
    }

    /** α ≥ 1e-8 after every step; the depth switch at every epoch boundary. */
    @Override
    public void afterStep(List<NDArray> values, double before, double after, NDManager scratch) {
        NDArray a = values.get(1);
        float alphaNow = a.toFloatArray()[0];
        if (!(alphaNow >= MIN_ALPHA)) {
            ParameterFill.copy(a, new float[] {MIN_ALPHA});
            alphaNow = MIN_ALPHA;
        }
        if (Math.floor(after * epochs + 1e-9) <= Math.floor(before * epochs + 1e-9)) {
            return;
        }
        Switch s = measure(values.get(0), alphaNow);
        boolean isTernary = values.get(2).toFloatArray()[0] > 0.5f;
        boolean next = isTernary ? s.gain() >= GAIN_DOWN : s.gain() > GAIN_UP && s.zeros() > MIN_ZEROS;
        if (next != isTernary) {
            ParameterFill.copy(values.get(2), new float[] {next ? 1f : 0f});
        }
        ternary = next;
    }

    /**
     * What the depth switch looks at.
     *
     * @param gain (e_b − e_t)/e_b at the layer's α (0 when e_b = 0)
     * @param zeros the share of weights with |w| &lt; α/2
     */
    record Switch(double gain, double zeros) {
    }

    static Switch measure(NDArray weights, double alpha) {
        float[] w = weights.toFloatArray();
        double eb = 0;
        double et = 0;
        long zeros = 0;
        for (float v : w) {
            double abs = Math.abs(v);
            double bin = abs - alpha;
            eb += bin * bin;
            if (abs > alpha / 2) {
                et += bin * bin;
            } else {
                et += abs * abs;
            }
            if (abs < alpha / 2) {
                zeros++;
            }
        }
        return new Switch(eb > 0 ? (eb - et) / eb : 0, (double) zeros / w.length);
    }

    @Override
    public NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        return code(values.get(0), values.get(1), values.get(2)).reshape(-1);
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        return values.get(0).stopGradient().div(values.get(1).stopGradient()).reshape(-1);
    }

    @Override
    public LatentAxis axis(double progress) {
        return new LatentAxis("w/α", -3, 3, List.of(new ReferenceLine(-1, "−α"), new ReferenceLine(-0.5,
                "−α/2 (ternary threshold)"), new ReferenceLine(0, "0"), new ReferenceLine(0.5,
                "+α/2 (ternary threshold)"), new ReferenceLine(1, "+α")), true);
    }

    /** α, the depth in bits (1 binary, 2 ternary), the share of |w| below α/2 and η. */
    @Override
    public Map<String, Double> scalars(List<NDArray> values, double progress) {
        double a = values.get(1).toFloatArray()[0];
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("α", a);
        out.put("depth", values.get(2).toFloatArray()[0] > 0.5f ? 2.0 : 1.0);
        out.put("zero share", measure(values.get(0), a).zeros());
        out.put("η", eta(progress));
        return out;
    }

    /** log2 3 for a ternary layer, 1 for a binary one. */
    @Override
    public double nominalBits() {
        return ternary ? LOG2_3 : 1;
    }

    /** α and the depth flag (one bit, counted as a float: an upper bound). */
    @Override
    public long sideFloats() {
        return 2;
    }

    @Override
    public String label() {
        return label(eta);
    }
}
