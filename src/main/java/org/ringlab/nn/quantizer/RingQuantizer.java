package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.BitAccounting;
import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingLookupTable;

/**
 * Ring Quantization (docs/methods/ring.md): one position p ∈ [0, 1] per weight (and per bias, where the layer has
 * one), turned into a weight by the ring's Gaussian-softmax interpolation.
 *
 * <p>Variants: {@link Variant#REFERENCE} is the published method, bit for bit. The two repaired
 * variants are not in the paper: {@link Variant#STE} forwards the snapped ring value and back-propagates
 * the soft dw/dp; {@link Variant#ANNEAL} shrinks σ geometrically from the ring's σ to a final σ over
 * training, so the soft network becomes the snapped one by the end.
 */
public final class RingQuantizer implements WeightQuantizer, AutoCloseable {

    /** The published method or one of the labelled repairs. */
    public enum Variant {
        REFERENCE(Method.RING), STE(Method.RING_STE), ANNEAL(Method.RING_ANNEAL);

        private final Method method;

        Variant(Method method) {
            this.method = method;
        }

        public Method method() {
            return method;
        }

        public String key() {
            return method.key();
        }
    }

    /** σ steps along the annealing schedule: tables are rebuilt only when the step changes. */
    static final int ANNEAL_STEPS = 32;

    private final Ring ring;
    private final Variant variant;
    private final double finalSigma;
    private final Parameter positions;
    private final Parameter biasPositions;
    private final List<Parameter> parameters;
    private RingWeightKernel kernel;
    private int annealStep = 0;

    RingQuantizer(Ring ring, Variant variant, double finalSigma, LayerGeometry layer) {
        this.ring = ring;
        this.variant = variant;
        this.finalSigma = finalSigma;
        // the reference stores conv positions flat, C order of (out, in, kh, kw)
        Shape shape = layer.conv() ? new Shape(layer.weights()) : layer.weightShape();
        this.positions = uniformPositions("positions", shape);
        this.biasPositions = layer.bias() ? uniformPositions("bias_positions", new Shape(layer.outputs())) : null;
        List<Parameter> ps = new ArrayList<>();
        ps.add(positions);
        if (biasPositions != null) {
            ps.add(biasPositions);
        }
        this.parameters = List.copyOf(ps);
        this.kernel = new RingWeightKernel(ring);
    }

    /** The factory for every layer of a model quantized onto {@code ring}. */
    public static QuantizerFactory factory(Ring ring, Variant variant, double finalSigma) {
        if (variant == Variant.ANNEAL && !(finalSigma > 0 && finalSigma < ring.sigma())) {
            throw new IllegalArgumentException("ring-anneal's final σ " + finalSigma + " must be in (0, "
                    + ring.sigma() + ")");
        }
        return Factories.ring(variant.method(), labelOf(ring, variant, finalSigma),
                List.of(ring, variant, variant == Variant.ANNEAL ? finalSigma : 0.0),
                layer -> new RingQuantizer(ring, variant, finalSigma, layer));
    }

    /** U[0, 1) like the reference's torch.rand: independent of fan-in, BatchNorm absorbs the scale. */
    private static Parameter uniformPositions(String name, Shape shape) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer((manager, s, type) -> manager.randomUniform(0f, 1f, s, type))
                .build();
    }

    public Ring ring() {
        return ring;
    }

    public Variant variant() {
        return variant;
    }

    public Parameter positions() {
        return positions;
    }

    public Parameter biasPositions() {
        return biasPositions;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public boolean ownsBias() {
        return biasPositions != null;
    }

    /** σ at a point of training: the ring's own σ except for the annealed variant. */
    public double sigmaAt(double progress) {
        if (variant != Variant.ANNEAL) {
            return ring.sigma();
        }
        return annealedSigma(stepOf(progress));
    }

    private static int stepOf(double progress) {
        double t = Math.max(0, Math.min(1, progress));
        return (int) Math.round(t * ANNEAL_STEPS);
    }

    private double annealedSigma(int step) {
        // geometric: equal ratios per step, so the kernel narrows at a constant relative rate
        return ring.sigma() * Math.pow(finalSigma / ring.sigma(), (double) step / ANNEAL_STEPS);
    }

    @Override
    public void prepare(List<NDArray> values, double progress) {
        if (variant == Variant.ANNEAL) {
            int step = stepOf(progress);
            if (step != annealStep) {
                kernel.close();
                Ring narrower = Ring.of(ring.type(), ring.size(), ring.mode(), annealedSigma(step));
                kernel = new RingWeightKernel(narrower, new RingLookupTable(narrower));
                annealStep = step;
            }
        }
        kernel.ensureTables(values.get(0));
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        boolean ste = variant == Variant.STE;
        NDArray w = kernel.apply(values.get(0), mode, ste, scratch);
        NDArray b = biasPositions == null ? null : kernel.apply(values.get(1), mode, ste, scratch);
        return new QuantizedWeights(w, b, null);
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        return values.get(0).reshape(-1).duplicate();
    }

    @Override
    public LatentAxis axis(double progress) {
        List<ReferenceLine> lines = new ArrayList<>();
        for (int k = 0; k < ring.size(); k++) {
            lines.add(new ReferenceLine((double) k / ring.size(), "slot " + k));
        }
        return new LatentAxis("position p", 0, 1, lines, false);
    }

    @Override
    public Map<String, Double> scalars(List<NDArray> values, double progress) {
        return Map.of("sigma", sigmaAt(progress));
    }

    @Override
    public double nominalBits() {
        return Math.log(ring.size()) / Math.log(2);
    }

    @Override
    public long sideFloats() {
        return 0;
    }

    @Override
    public String label() {
        return labelOf(ring, variant, finalSigma);
    }

    static String labelOf(Ring ring, Variant variant, double finalSigma) {
        String r = ring.type().id() + "-" + ring.size();
        int levels = LevelSet.of(ring.values()).count();
        String bits = String.format(Locale.ROOT, "%d levels, %d bit", levels, BitAccounting.fixedLengthBits(levels));
        return switch (variant) {
            case REFERENCE -> "Ring " + r + " (reference, soft; " + bits + " snapped)";
            case STE -> "Ring-STE " + r + " (repaired, not in the paper: snapped forward, soft dw/dp backward; "
                    + bits + ")";
            case ANNEAL -> String.format(Locale.ROOT,
                    "Ring-anneal %s (repaired, not in the paper: σ %.3g → %.3g geometric; %s)", r, ring.sigma(),
                    finalSigma, bits);
        };
    }

    @Override
    public void close() {
        kernel.close();
    }
}
