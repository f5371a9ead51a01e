package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringlab.config.AdmmSet;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;

/**
 * ADMM quantization (Leng et al. 2018, "Extremely Low Bit Neural Network: Squeeze the Last Bit Out with ADMM";
 * docs/methods.md#admm). Not an STE method: the network trains its continuous weights W, pulled towards the
 * auxiliary G ∈ α·Q by the proximal loss (ρ/2)·‖W − G + λ‖²; every {@code every} epochs the G-step
 * G ← Π(W + λ) and the dual update λ ← λ + W − G run after the optimiser step. G and λ are untrained
 * parameters, so checkpoints hold them. SOFT is W itself; SNAPPED, the deployed network, is Π(W), the
 * projection of the current weights (the final hard quantization), so the snapped accuracy is the projected one.
 *
 * <p>ρ grows ×1.1 per update, capped at 1 (INFERRED workbench default); the number of updates so far follows
 * from the share of training done, so a resumed run continues the same schedule.
 */
public final class AdmmQuantizer extends FloatLatentQuantizer {
    static final double RHO_GROWTH = 1.1;
    static final double RHO_CAP = 1;

    private final AdmmSet set;
    private final double rho;
    private final double every;
    private final int epochs;
    private final Parameter g;
    private final Parameter dual;
    /** From the last G-step on this layer, for the timeline only (not restored on resume). */
    private double changedCodes = Double.NaN;
    private double dualResidual = Double.NaN;

    AdmmQuantizer(LayerGeometry layer, AdmmSet set, double rho, double every, int epochs) {
        super(layer);
        this.set = set;
        this.rho = rho;
        this.every = every;
        this.epochs = epochs;
        this.g = state("admm_g", layer.weightShape());
        this.dual = state("admm_lambda", layer.weightShape());
    }

    /**
     * @param every epochs between G-steps (fractions allowed)
     * @param epochs the run's epochs: turns the share of training done into epochs
     */
    public static QuantizerFactory factory(AdmmSet set, double rho, double every, int epochs) {
        return Factories.of(Method.ADMM, label(set, rho, every), List.of(set, rho, every, epochs),
                layer -> new AdmmQuantizer(layer, set, rho, every, epochs));
    }

    private static String label(AdmmSet set, double rho, double every) {
        return String.format(Locale.ROOT, "ADMM α·%s per layer (ρ=%.3g ×1.1/update, G-step every %.3g epochs)",
                set.label(), rho, every);
    }

    public Parameter auxiliary() {
        return g;
    }

    public Parameter dual() {
        return dual;
    }

    /** G-steps done when this share of training is done. */
    long updates(double progress) {
        return (long) Math.floor(progress * epochs / every + 1e-9);
    }

    /** ρ with the updates done so far: ρ₀·1.1^n, capped at 1 (or at ρ₀ when that is larger). */
    public double rho(double progress) {
        return Math.min(Math.max(RHO_CAP, rho), rho * Math.pow(RHO_GROWTH, (double) updates(progress)));
    }

    /** G⁰ = Π(W⁰), λ⁰ = 0 (the reference implementation's admm_initialization [CODE]). */
    @Override
    public void initialized(List<NDArray> values) {
        try (NDManager scratch = values.get(0).getManager().newSubManager()) {
            NDArray w = values.get(0).stopGradient();
            w.attach(scratch);
            ParameterFill.copy(values.get(1), AdmmProjection.of(w, set).values());
            ParameterFill.copy(values.get(2), w.zerosLike());
        }
        changedCodes = Double.NaN;
        dualResidual = Double.NaN;
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        return QuantizedWeights.of(mode == WeightMode.SNAPPED ? quantized(values, progress, scratch) : w.reshape(-1));
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        return AdmmProjection.of(values.get(0), set).values();
    }

    /** (ρ/2)·‖W − G + λ‖², summed over the layer; G and λ are constants here. */
    @Override
    public NDArray penalty(List<NDArray> values, double progress, NDManager scratch) {
        double r = rho(progress);
        if (r == 0) {
            return null;
        }
        NDArray d = values.get(0).sub(values.get(1)).add(values.get(2));
        return d.mul(d).sum().mul(OwnedScalar.of(d, r / 2));
    }

    /** At each update boundary: G ← Π(W + λ), then λ ← λ + W − G. */
    @Override
    public void afterStep(List<NDArray> values, double before, double after, NDManager scratch) {
        if (updates(after) <= updates(before)) {
            return;
        }
        NDArray w = values.get(0).stopGradient();
        NDArray oldG = values.get(1);
        NDArray lambda = values.get(2);
        AdmmProjection p = AdmmProjection.of(w.add(lambda), set);
        NDArray newG = p.values();
        NDArray oldCodes = AdmmProjection.of(oldG, set).codes();
        changedCodes = p.codes().neq(oldCodes).toType(w.getDataType(), false).mean().toFloatArray()[0];
        NDArray step = newG.sub(oldG);
        dualResidual = rho(after) * Math.sqrt(step.mul(step).sum().toFloatArray()[0]);
        NDArray newLambda = lambda.add(w).sub(newG);
        ParameterFill.copy(values.get(1), newG);
        ParameterFill.copy(values.get(2), newLambda);
    }

    /** The integer level of every weight of Π(W): α is side information, not a level. */
    @Override
    public NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        return AdmmProjection.of(values.get(0), set).codes().reshape(-1);
    }

    /** W/α, α the scale of Π(W): the levels sit at the set's integers. */
    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        NDArray w = values.get(0).stopGradient();
        return w.div(AdmmProjection.of(w, set).alpha()).reshape(-1);
    }

    @Override
    public LatentAxis axis(double progress) {
        List<ReferenceLine> lines = new ArrayList<>();
        List<Double> m = set.magnitudes();
        for (int i = 0; i < m.size(); i++) {
            double level = m.get(i);
            if (level == 0) {
                lines.add(new ReferenceLine(0, "level 0"));
            } else {
                lines.add(new ReferenceLine(-level, String.format(Locale.ROOT, "level −%.0f", level)));
                lines.add(new ReferenceLine(level, String.format(Locale.ROOT, "level +%.0f", level)));
            }
            if (i > 0) {
                double mid = (m.get(i - 1) + level) / 2;
                lines.add(new ReferenceLine(-mid, "boundary"));
                lines.add(new ReferenceLine(mid, "boundary"));
            }
        }
        lines.sort(java.util.Comparator.comparingDouble(ReferenceLine::at));
        double edge = set.max() + 1;
        return new LatentAxis("w/α", -edge, edge, lines, false);
    }

    /**
     * α of Π(W), ρ, the primal residual ‖W − G‖/‖W‖ and, once a G-step has run, the share of codes it changed
     * and the dual residual ρ‖G_new − G_old‖.
     */
    @Override
    public Map<String, Double> scalars(List<NDArray> values, double progress) {
        Map<String, Double> out = new LinkedHashMap<>();
        NDArray w = values.get(0).stopGradient();
        out.put("α", AdmmProjection.of(w, set).alphaValue());
        out.put("ρ", rho(progress));
        NDArray d = w.sub(values.get(1));
        double norm = Math.sqrt(w.mul(w).sum().toFloatArray()[0]);
        out.put("primal residual", norm > 0 ? Math.sqrt(d.mul(d).sum().toFloatArray()[0]) / norm : 0);
        if (!Double.isNaN(changedCodes)) {
            out.put("codes changed", changedCodes);
            out.put("dual residual", dualResidual);
        }
        return out;
    }

    /** log2 of the set's levels (the project's convention, as log2 3 for ternary); the fixed-length width is level_bits. */
    @Override
    public double nominalBits() {
        return set.informationBits();
    }

    @Override
    public long sideFloats() {
        return 1;
    }

    @Override
    public String label() {
        return label(set, rho, every);
    }
}
