package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.PowerOfTwoGrid;

/**
 * Power-of-two ("shift") weights after Badar 2025 (arXiv:2510.16088, docs/methods/power-of-two.md). INFERRED: only the
 * abstract is known; the code layout (sign + n−1 exponent bits, no zero code), the power-of-two
 * layer scale, the slope-k relaxation and its geometric ramp k = k_final^progress are this
 * workbench's reading (see {@link PowerOfTwoKernel}, {@link PowerOfTwoGrid}). Training uses the
 * relaxation's true derivative (no STE), so soft and snapped accuracy differ until k is large.
 */
public final class PowerOfTwoQuantizer extends FloatLatentQuantizer {
    private final int bits;
    private final double finalSlope;

    PowerOfTwoQuantizer(LayerGeometry layer, int bits, double finalSlope) {
        super(layer);
        this.bits = bits;
        this.finalSlope = finalSlope;
    }

    public static QuantizerFactory factory(int bits, double finalSlope) {
        return Factories.of(Method.POW2, label(bits, finalSlope), List.of(bits, finalSlope),
                layer -> new PowerOfTwoQuantizer(layer, bits, finalSlope));
    }

    private static String label(int bits, double finalSlope) {
        return String.format(Locale.ROOT,
                "Power-of-two %d-bit after Badar 2025 (INFERRED: slope-k relaxation, k 1 → %.3g)", bits, finalSlope);
    }

    public double slope(double progress) {
        return PowerOfTwoKernel.slopeAt(progress, finalSlope);
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        return QuantizedWeights.of(mode == WeightMode.SNAPPED ? PowerOfTwoKernel.quantize(w, bits)
                : PowerOfTwoKernel.relaxed(w, bits, slope(progress)));
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        return PowerOfTwoKernel.quantize(values.get(0), bits);
    }

    @Override
    public NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        return scratch.create(LsqQuantizer.toFloats(PowerOfTwoGrid.codes(values.get(0).toFloatArray(), bits)));
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        return scratch.create(PowerOfTwoGrid.latent(values.get(0).toFloatArray()));
    }

    @Override
    public LatentAxis axis(double progress) {
        List<ReferenceLine> lines = new ArrayList<>();
        for (int e : PowerOfTwoGrid.exponentGrid(bits)) {
            lines.add(new ReferenceLine(e, "2^" + e));
        }
        int min = PowerOfTwoGrid.minExponent(bits);
        return new LatentAxis("e = log2(|w|/s) (INFERRED)", min - 3, 1, lines, true);
    }

    @Override
    public Map<String, Double> scalars(List<NDArray> values, double progress) {
        return Map.of("k", slope(progress));
    }

    @Override
    public double nominalBits() {
        return bits;
    }

    /** One power-of-two scale per layer, counted as a full float (it needs only 8 bits: an upper bound). */
    @Override
    public long sideFloats() {
        return PowerOfTwoGrid.sideInfoScales();
    }

    @Override
    public String label() {
        return label(bits, finalSlope);
    }
}
