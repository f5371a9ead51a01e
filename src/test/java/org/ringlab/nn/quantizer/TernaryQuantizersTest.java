package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.nn.WeightMode;

/**
 * TWN, TTQ and BitNet on a hand-computed 2×3 layer: forward values and the backward rules of docs/methods/ternary.md.
 */
class TernaryQuantizersTest {
    private static final float[] W = {0.9f, -0.05f, 0.3f, -0.6f, 0.02f, 0.1f};
    private static final float[] G = {1f, 2f, 3f, 4f, 5f, 6f};
    private static final Shape SHAPE = new Shape(2, 3);
    private static final Shape SCALAR = new Shape(1);
    private static final LayerGeometry FC = new LayerGeometry("fc", SHAPE, null, false, false);

    @Test
    void twnPaperThresholdsAtSevenTenthsOfTheMeanAndPassesGradientsStraightThrough() {
        // mean|W| = 1.97/6 = 0.32833, Δ = 0.22983; kept 0.9, 0.3, −0.6 so α = 0.6
        WeightQuantizer q = TwnQuantizer.factory(org.ringlab.config.TwnVariant.PAPER).create(FC);
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result soft = Autograd.run(m, List.of(W), List.of(SHAPE),
                    v -> q.compute(v, WeightMode.SOFT, 0, m), G);
            assertArrayEquals(new float[] {0.6f, 0, 0.6f, -0.6f, 0, 0}, soft.output(), 1e-6f);
            assertArrayEquals(G, soft.gradients().get(0), 0f, "STE: identity, dead zone included");
            float[] latent = q.latentCoordinate(List.of(m.create(W, SHAPE)), 0, m).toFloatArray();
            assertEquals(0.9 / (0.7 * 1.97 / 6), latent[0], 1e-5);
            assertArrayEquals(new float[] {1, 0, 1, -1, 0, 0}, q.codes(List.of(m.create(W, SHAPE)), 0, m).toFloatArray(),
                    0f);
            assertEquals(1, q.sideFloats());
        }
    }

    @Test
    void twnRepoUsesThreeQuartersOfTheMeanPerOutputChannel() {
        // row 0: mean 0.41667, Δ 0.3125 → only 0.9 kept; row 1: mean 0.24, Δ 0.18 → only −0.6 kept
        WeightQuantizer q = TwnQuantizer.factory(org.ringlab.config.TwnVariant.REPO).create(FC);
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result snapped = Autograd.run(m, List.of(W), List.of(SHAPE),
                    v -> q.compute(v, WeightMode.SNAPPED, 0, m), null);
            assertArrayEquals(new float[] {0.9f, 0, 0, -0.6f, 0, 0}, snapped.output(), 1e-6f);
            assertEquals(2, q.sideFloats(), "one α per output channel");
        }
    }

    @Test
    void ttqUsesLearnedScalesWithScaledSteAndAutogradScaleGradients() {
        // max|W| = 0.9, Δ = 0.045: I_p = {0.9, 0.3, 0.1}, I_n = {−0.05, −0.6}, dead = {0.02}
        WeightQuantizer q = TtqQuantizer.factory(0.05).create(FC);
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result r = Autograd.run(m, List.of(W, new float[] {2f}, new float[] {0.5f}),
                    List.of(SHAPE, SCALAR, SCALAR), v -> q.compute(v, WeightMode.SOFT, 0, m), G);
            assertArrayEquals(new float[] {2f, -0.5f, 2f, -0.5f, 0f, 2f}, r.output(), 1e-6f);
            assertArrayEquals(new float[] {2 * 1f, 0.5f * 2, 2 * 3f, 0.5f * 4, 1 * 5f, 2 * 6f}, r.gradients().get(0),
                    1e-6f, "W_p·g on I_p, g on the dead zone, W_n·g on I_n");
            assertEquals(1 + 3 + 6, r.gradients().get(1)[0], 1e-6, "dL/dW_p = Σ_{I_p} g");
            assertEquals(-(2 + 4), r.gradients().get(2)[0], 1e-6, "dL/dW_n = −Σ_{I_n} g (w_t = −W_n there)");
            Autograd.Result s = Autograd.run(m, List.of(W, new float[] {2f}, new float[] {0.5f}),
                    List.of(SHAPE, SCALAR, SCALAR), v -> q.compute(v, WeightMode.SNAPPED, 0, m), null);
            assertArrayEquals(r.output(), s.output(), 0f, "STE: the training forward is the deployed one");
            assertEquals(2, q.sideFloats());
        }
    }

    @Test
    void bitnetRoundsAtHalfTheAbsMeanAndWarmsUpWithLambda() {
        // γ = 0.32833; W/γ = 2.74, −0.15, 0.91, −1.83, 0.06, 0.30 → 1, 0, 1, −1, 0, 0
        BitNetQuantizer q = (BitNetQuantizer) BitNetQuantizer.factory(false, 0.5).create(FC);
        float g = 1.97f / 6;
        float[] ternary = {g, 0, g, -g, 0, 0};
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result full = Autograd.run(m, List.of(W), List.of(SHAPE), v -> q.compute(v, WeightMode.SOFT, 1, m), G);
            assertArrayEquals(ternary, full.output(), 1e-5f);
            assertArrayEquals(G, full.gradients().get(0), 0f);
            // progress 0.25 of a 0.5 warm-up: λ = 0.5, halfway between FP and ternary
            Autograd.Result half = Autograd.run(m, List.of(W), List.of(SHAPE),
                    v -> q.compute(v, WeightMode.SOFT, 0.25, m), G);
            for (int i = 0; i < W.length; i++) {
                assertEquals(W[i] + 0.5f * (ternary[i] - W[i]), half.output()[i], 1e-5, "w_λ[" + i + "]");
            }
            assertArrayEquals(G, half.gradients().get(0), 0f);
            assertEquals(0.5, q.lambda(0.25), 1e-12);
            Autograd.Result snapped = Autograd.run(m, List.of(W), List.of(SHAPE),
                    v -> q.compute(v, WeightMode.SNAPPED, 0.25, m), null);
            assertArrayEquals(ternary, snapped.output(), 1e-5f, "deployed weights are ternary whatever λ");
        }
    }

    @Test
    void bitnetLayerByLayerWarmUpRampsEachLayerInItsOwnStretch() {
        // a 0.6 warm-up over 3 layers: layer l ramps over [0.2·l, 0.2·(l + 1)] of training
        BitNetQuantizer[] layers = new BitNetQuantizer[3];
        for (int i = 0; i < 3; i++) {
            layers[i] = (BitNetQuantizer) BitNetQuantizer.factory(false, 0.6, true).create(FC);
            layers[i].placed(i, 3);
        }
        double[][] expected = {{0, 0, 0}, {0.5, 0, 0}, {1, 0.5, 0}, {1, 1, 0.5}, {1, 1, 1}};
        double[] progress = {0, 0.1, 0.3, 0.5, 0.6};
        for (int t = 0; t < progress.length; t++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[t][i], layers[i].lambda(progress[t]), 1e-12, "layer " + i + " at " + progress[t]);
            }
        }
        BitNetQuantizer together = (BitNetQuantizer) BitNetQuantizer.factory(false, 0.6, false).create(FC);
        together.placed(2, 3);
        assertEquals(0.5, together.lambda(0.3), 1e-12, "without layerwise every layer shares one λ");
        assertTrue(layers[0].label().contains("layer by layer"), layers[0].label());

        // a built model tells each layer its place: LeNet's 4 quantized layers, a 0.5 warm-up
        org.ringlab.nn.BuiltModel lenet = org.ringlab.nn.ModelFactory.build(new org.ringlab.nn.ModelSpec(
                org.ringlab.config.ModelKind.LENET, 1, 28, 28, 10, null, false, true, true, false,
                BitNetQuantizer.factory(false, 0.5, true)));
        double[] lambdas = lenet.quantizedLayers().stream()
                .mapToDouble(l -> ((BitNetQuantizer) l.quantizer()).lambda(0.25)).toArray();
        assertArrayEquals(new double[] {1, 1, 0, 0}, lambdas, 1e-12, "halfway through the warm-up");
    }

    @Test
    void bitnetExtraRmsNormNormalisesEachInputVector() {
        WeightQuantizer q = BitNetQuantizer.factory(true, 0).create(FC);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {3, 4, 0, 0.5f}, new Shape(2, 2));
            float r = (float) Math.sqrt(12.5);
            float r2 = (float) Math.sqrt(0.125 + 1e-6);
            assertArrayEquals(new float[] {3 / r, 4 / r, 0, 0.5f / r2}, q.transformInput(x).toFloatArray(), 1e-5f);
        }
    }
}
