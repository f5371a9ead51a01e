package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.DoReFaGrid;

/**
 * DoReFa k-bit weights (Zhou et al. 2016, docs/methods/uniform.md#dorefa): a tanh-normalised latent in [0, 1] rounded
 * to 2^k levels, STE through the round; k = 1 is E|w|·sign(w). No learned scale (BatchNorm absorbs it);
 * gradients and activations stay in float. Math: {@link DoReFaKernel}, {@link DoReFaGrid}.
 */
public final class DoReFaQuantizer extends FloatLatentQuantizer {
    private final int bits;

    DoReFaQuantizer(LayerGeometry layer, int bits) {
        super(layer);
        this.bits = bits;
    }

    public static QuantizerFactory factory(int bits) {
        return Factories.of(Method.DOREFA, label(bits), List.of(bits), layer -> new DoReFaQuantizer(layer, bits));
    }

    private static String label(int bits) {
        return bits == 1 ? "DoReFa 1-bit (E|w|·sign(w))" : "DoReFa " + bits + "-bit (tanh-normalised, STE)";
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        return QuantizedWeights.of(mode == WeightMode.SNAPPED ? DoReFaKernel.quantize(w, bits)
                : DoReFaKernel.fakeQuantize(w, bits));
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        return DoReFaKernel.quantize(values.get(0), bits);
    }

    @Override
    public NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        return scratch.create(LsqQuantizer.toFloats(DoReFaGrid.codes(values.get(0).toFloatArray(), bits)));
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        return scratch.create(DoReFaGrid.latent(values.get(0).toFloatArray()));
    }

    @Override
    public LatentAxis axis(double progress) {
        List<ReferenceLine> lines = new ArrayList<>();
        float[] grid = DoReFaGrid.grid(bits);
        for (int i = 0; i < grid.length; i++) {
            lines.add(new ReferenceLine(grid[i], i + "/" + (grid.length - 1)));
        }
        return new LatentAxis("x = tanh(w)/(2·max|tanh w|) + ½", -0.02, 1.02, lines, false);
    }

    @Override
    public double nominalBits() {
        return bits;
    }

    @Override
    public long sideFloats() {
        return DoReFaGrid.sideInfoFloats(bits);
    }

    @Override
    public String label() {
        return label(bits);
    }
}
