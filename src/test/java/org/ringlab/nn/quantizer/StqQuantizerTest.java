package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.CodeHistogram;

/** STQ (INFERRED) on a hand-computed 2×3 layer: the forward per depth, the STE gradients, the regulariser, the switch. */
class StqQuantizerTest {
    private static final float[] W = {0.9f, -0.05f, 0.35f, -0.6f, 0.02f, 0.1f};
    private static final float[] G = {1f, 2f, 3f, -4f, 5f, 6f};
    private static final Shape SHAPE = new Shape(2, 3);
    private static final Shape ONE = new Shape(1);
    private static final LayerGeometry FC = new LayerGeometry("fc", SHAPE, null, false, false);

    private static StqQuantizer stq() {
        return (StqQuantizer) StqQuantizer.factory(0.6, 2).create(FC);
    }

    @Test
    void ternaryLayersZeroBelowHalfAlphaAndBinaryLayersKeepTheSign() {
        StqQuantizer q = stq();
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result t = Autograd.run(m, List.of(W, new float[] {0.5f}, new float[] {1f}),
                    List.of(SHAPE, ONE, ONE), v -> q.compute(v, WeightMode.SOFT, 0, m), G);
            assertArrayEquals(new float[] {0.5f, 0, 0.5f, -0.5f, 0, 0}, t.output(), 1e-7f);
            assertArrayEquals(G, t.gradients().get(0), 0f, "STE: the identity to w");
            assertEquals(1 + 3 + 4, t.gradients().get(1)[0], 1e-6, "dL/dα = Σ g·code");
            Autograd.Result b = Autograd.run(m, List.of(W, new float[] {0.5f}, new float[] {0f}),
                    List.of(SHAPE, ONE, ONE), v -> q.compute(v, WeightMode.SOFT, 0, m), G);
            assertArrayEquals(new float[] {0.5f, -0.5f, 0.5f, -0.5f, 0.5f, 0.5f}, b.output(), 1e-7f);
            assertEquals(1 - 2 + 3 + 4 + 5 + 6, b.gradients().get(1)[0], 1e-6);
            Autograd.Result s = Autograd.run(m, List.of(W, new float[] {0.5f}, new float[] {0f}),
                    List.of(SHAPE, ONE, ONE), v -> q.compute(v, WeightMode.SNAPPED, 0, m), null);
            assertArrayEquals(b.output(), s.output(), 0f, "STE: the training forward is the deployed one");

            List<NDArray> ternary = List.of(m.create(W, SHAPE), m.create(new float[] {0.5f}), m.create(new float[] {1f}));
            float[] codes = q.codes(ternary, 0, m).toFloatArray();
            assertArrayEquals(new float[] {1, 0, 1, -1, 0, 0}, codes, 0f);
            assertEquals(3, CodeHistogram.of(codes).levels());
            List<NDArray> binary = List.of(m.create(W, SHAPE), m.create(new float[] {0.5f}), m.create(new float[] {0f}));
            assertEquals(2, CodeHistogram.of(q.codes(binary, 0, m).toFloatArray()).levels());
            q.prepare(binary, 0);
            assertEquals(1, q.nominalBits(), 0, "a binary layer claims 1 bit");
            q.prepare(ternary, 0);
            assertEquals(Math.log(3) / Math.log(2), q.nominalBits(), 1e-12);
            assertEquals(2, q.sideFloats());
            assertEquals(0.9 / 0.5, q.latentCoordinate(ternary, 0, m).toFloatArray()[0], 1e-6);
            assertTrue(q.axis(0).inferred());
            assertTrue(q.label().contains("INFERRED"), q.label());
        }
    }

    @Test
    void theRegulariserHasTernaryValleysOnlyForTernaryLayersAndRampsIn() {
        StqQuantizer q = stq();
        assertEquals(0, q.eta(0), 0);
        assertEquals(0.3, q.eta(0.15), 1e-12, "halfway through the 30 % ramp");
        assertEquals(0.6, q.eta(0.9), 1e-12);
        // β = 1, α = 0.5: min((|w|−α)², w²) = 0.16, 0.0025 (zero valley), 0.0225, 0.01, 0.0004 (zero), 0.01 (zero)
        assertEquals(0.2054, regulariser(q, 1f, null), 1e-6);
        // β = 0: the zero valley is lifted by 1.5·α² = 0.375 above every (|w|−α)² here: binary minima only
        assertEquals(0.7854, regulariser(q, 0f, null), 1e-6);
        // gradients: d/dw = 2(|w|−α)·sign(w) on the ±α valley, 2w on the zero valley; d/dα = −2(|w|−α) on the ±α valley
        float[][] grads = new float[2][];
        regulariser(q, 1f, grads);
        float[] dw = {0.8f, -0.1f, -0.3f, -0.2f, 0.04f, 0.2f};
        for (int i = 0; i < 6; i++) {
            assertEquals(0.05 * dw[i], grads[0][i], 1e-6, "dR/dw[" + i + "] × η/N");
        }
        assertEquals(0.05 * (-0.8 + 0.3 - 0.2), grads[1][0], 1e-6, "dR/dα × η/N");
    }

    /** η(0.15)·R/N = 0.05·R for η_max 0.6, N = 6; returns R. */
    private static double regulariser(StqQuantizer q, float beta, float[][] grads) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(W, SHAPE);
            NDArray a = m.create(new float[] {0.5f});
            w.setRequiresGradient(true);
            a.setRequiresGradient(true);
            float p;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray penalty = q.penalty(List.of(w, a, m.create(new float[] {beta})), 0.15, m);
                p = penalty.toFloatArray()[0];
                gc.backward(penalty);
            }
            if (grads != null) {
                grads[0] = w.getGradient().toFloatArray();
                grads[1] = a.getGradient().toFloatArray();
            }
            return p / 0.05;
        }
    }

    @Test
    void layersSwitchDepthOnlyAtEpochEndsWithHysteresis() {
        StqQuantizer q = stq();
        try (NDManager m = NDManager.newBaseManager()) {
            // W at α = 0.5: e_b = 0.7854, e_t = 0.2054, gain 0.74 and half the weights below α/2: ternary pays
            List<NDArray> spread = List.of(m.create(W, SHAPE), m.create(new float[] {0.5f}), m.create(new float[] {0f}));
            StqQuantizer.Switch s = StqQuantizer.measure(spread.get(0), 0.5);
            assertEquals((0.7854 - 0.2054) / 0.7854, s.gain(), 1e-5);
            assertEquals(0.5, s.zeros(), 1e-12);
            q.afterStep(spread, 0.1, 0.2, m);
            assertEquals(0f, spread.get(2).toFloatArray()[0], "no epoch boundary crossed: no switch");
            q.afterStep(spread, 0.45, 0.5, m);
            assertEquals(1f, spread.get(2).toFloatArray()[0], "binary → ternary at the end of epoch 1 of 2");
            assertEquals(Math.log(3) / Math.log(2), q.nominalBits(), 1e-12);

            // weights all near ±α: ternary gains nothing (gain 0 < 0.10), so the layer goes binary
            float[] clustered = {0.5f, -0.5f, 0.45f, -0.55f, 0.5f, -0.5f};
            List<NDArray> tight = List.of(m.create(clustered, SHAPE), m.create(new float[] {0.5f}),
                    m.create(new float[] {1f}));
            q.afterStep(tight, 0.9, 1.0, m);
            assertEquals(0f, tight.get(2).toFloatArray()[0]);
            assertEquals(1, q.nominalBits(), 0);
            assertEquals(1.0, q.scalars(tight, 1).get("depth"), 0);

            // a gain between the thresholds keeps whatever depth the layer has: e_b = 0.3025, e_t = 0.2525, gain 0.165
            float[] between = {0.5f, -0.5f, 0.8f, -0.85f, 0.2f, 0.5f};
            assertEquals(0.05 / 0.3025, StqQuantizer.measure(m.create(between), 0.5).gain(), 1e-5);
            for (float depth : new float[] {0f, 1f}) {
                List<NDArray> layer = List.of(m.create(between, SHAPE), m.create(new float[] {0.5f}),
                        m.create(new float[] {depth}));
                q.afterStep(layer, 0.45, 0.5, m);
                assertEquals(depth, layer.get(2).toFloatArray()[0], "hysteresis keeps depth " + depth);
            }

            List<NDArray> negative = List.of(m.create(W, SHAPE), m.create(new float[] {-1f}), m.create(new float[] {1f}));
            q.afterStep(negative, 0.1, 0.2, m);
            assertEquals(StqQuantizer.MIN_ALPHA, negative.get(1).toFloatArray()[0], 0f, "α is kept positive");
        }
    }
}
