package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.LsqGrid;

/**
 * LSQ, learned step size (Esser et al. 2020, docs/methods/uniform.md#lsq), b-bit signed weights with one learned step
 * per layer, initialised to 2·mean|v|/√Q_P from the layer's initial weights. The math is
 * {@link LsqKernel} (engine) and {@link LsqGrid} (host). Activations stay in float, and first/last
 * layers follow the run's quantize-first/quantize-last switches (the paper keeps them at 8 bits).
 */
public final class LsqQuantizer extends FloatLatentQuantizer {
    private final int bits;
    private final Parameter step;

    LsqQuantizer(LayerGeometry layer, int bits) {
        super(layer);
        this.bits = bits;
        // LSQ's step depends on the initial weights, which do not exist yet: initialized() sets
        // 2·mean|v|/√Q_P once they do (AdaptersTest checks it); 1 is only the parameter's shape-giver
        this.step = scalar("step", 1f);
    }

    public static QuantizerFactory factory(int bits) {
        return Factories.of(Method.LSQ, label(bits), List.of(bits), layer -> new LsqQuantizer(layer, bits));
    }

    private static String label(int bits) {
        return "LSQ " + bits + "-bit (learned step, grad scale 1/√(N·Q_P))";
    }

    public Parameter step() {
        return step;
    }

    @Override
    public void initialized(List<NDArray> values) {
        ParameterFill.copy(values.get(1), new float[] {LsqKernel.initialStep(values.get(0).toFloatArray(), bits)});
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray v = values.get(0);
        NDArray s = values.get(1);
        return QuantizedWeights.of(mode == WeightMode.SNAPPED ? LsqKernel.quantize(v, s, bits)
                : LsqKernel.fakeQuantize(v, s, bits));
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        return LsqKernel.quantize(values.get(0), values.get(1), bits);
    }

    @Override
    public NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        int[] codes = LsqGrid.codes(values.get(0).toFloatArray(), values.get(1).getFloat(0), bits);
        return scratch.create(toFloats(codes));
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        return scratch.create(LsqGrid.latent(values.get(0).toFloatArray(), values.get(1).getFloat(0)));
    }

    @Override
    public LatentAxis axis(double progress) {
        int qn = LsqGrid.negativeLevels(bits);
        int qp = LsqGrid.positiveLevels(bits);
        List<ReferenceLine> lines = new ArrayList<>();
        for (int g : LsqGrid.grid(bits)) {
            lines.add(new ReferenceLine(g, g == -qn ? "−Q_N (clip)" : g == qp ? "Q_P (clip)" : Integer.toString(g)));
        }
        return new LatentAxis("v/s", -qn - 1.5, qp + 1.5, lines, false);
    }

    @Override
    public Map<String, Double> scalars(List<NDArray> values, double progress) {
        return Map.of("s", (double) values.get(1).getFloat(0));
    }

    @Override
    public double nominalBits() {
        return bits;
    }

    @Override
    public long sideFloats() {
        return LsqGrid.sideInfoFloats();
    }

    @Override
    public String label() {
        return label(bits);
    }

    static float[] toFloats(int[] codes) {
        float[] f = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            f[i] = codes[i];
        }
        return f;
    }
}
