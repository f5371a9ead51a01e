package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringlab.config.AdmmSet;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.CodeHistogram;

/** ADMM on hand-computed 2×3 layers: the projection, the forward, the proximal gradient, the G-step and dual update. */
class AdmmQuantizerTest {
    private static final float[] W = {0.9f, -0.05f, 0.35f, -0.6f, 0.02f, 0.1f};
    private static final float[] G = {1f, 2f, 3f, 4f, 5f, 6f};
    private static final Shape SHAPE = new Shape(2, 3);
    private static final LayerGeometry FC = new LayerGeometry("fc", SHAPE, null, false, false);

    private static float[] times(float a, float... q) {
        float[] out = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = a * q[i];
        }
        return out;
    }

    private static AdmmQuantizer admm(AdmmSet set) {
        return (AdmmQuantizer) AdmmQuantizer.factory(set, 0.01, 1, 2).create(FC);
    }

    @Test
    void theProjectionAlternatesCodesAndScaleUntilTheCodesSettle() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(W, SHAPE);
            // ternary: α0 = mean|W| = 2.02/6; W/α0 → 1,0,1,−1,0,0; α1 = (0.9+0.35+0.6)/3 = 0.61667; codes unchanged
            AdmmProjection t = AdmmProjection.of(w, AdmmSet.TERNARY);
            assertArrayEquals(new float[] {1, 0, 1, -1, 0, 0}, t.codes().toFloatArray(), 0f);
            assertEquals(1.85 / 3, t.alphaValue(), 1e-6);
            // {0,±1,±2}: W/α0 = 2.67, −0.15, 1.04, −1.78, 0.06, 0.30 → 2,0,1,−2,0,0; α1 = ⟨W,q⟩/⟨q,q⟩ = 3.35/9
            AdmmProjection two = AdmmProjection.of(w, AdmmSet.PM2);
            assertArrayEquals(new float[] {2, 0, 1, -2, 0, 0}, two.codes().toFloatArray(), 0f);
            assertEquals(3.35 / 9, two.alphaValue(), 1e-6);
            assertArrayEquals(times(3.35f / 9, 2, 0, 1, -2, 0, 0), two.values().toFloatArray(), 1e-6f);
            // {0,±1,±2,±4}: W/α0 with α0 = 1.55/6 → 3.87 (≥ 3: 4), 0.39, 0.77, −0.97 → 4,0,1,−1,0,0; α1 = 4.45/18
            AdmmProjection four = AdmmProjection.of(m.create(new float[] {1f, 0.1f, 0.2f, -0.25f, 0, 0}, SHAPE),
                    AdmmSet.PM4);
            assertArrayEquals(new float[] {4, 0, 1, -1, 0, 0}, four.codes().toFloatArray(), 0f);
            assertEquals(4.45 / 18, four.alphaValue(), 1e-6);
            // binary is closed form: sign (0 → +1) and α = mean|W|
            AdmmProjection b = AdmmProjection.of(m.create(new float[] {0.5f, -0.25f, 0f, 0.25f}), AdmmSet.BINARY);
            assertArrayEquals(new float[] {1, -1, 1, 1}, b.codes().toFloatArray(), 0f);
            assertEquals(0.25, b.alphaValue(), 1e-7);
            // an all-zero layer keeps finite values (⟨Q, Q⟩ = 0 guard)
            AdmmProjection zero = AdmmProjection.of(m.zeros(SHAPE), AdmmSet.TERNARY);
            for (float v : zero.values().toFloatArray()) {
                assertEquals(0f, v);
            }
        }
    }

    @Test
    void softIsTheContinuousWeightAndSnappedItsProjection() {
        AdmmQuantizer q = admm(AdmmSet.TERNARY);
        float[] zeros = new float[6];
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result soft = Autograd.run(m, List.of(W, zeros, zeros), List.of(SHAPE, SHAPE, SHAPE),
                    v -> q.compute(v, WeightMode.SOFT, 0, m), G);
            assertArrayEquals(W, soft.output(), 0f, "no STE: the network trains with W");
            assertArrayEquals(G, soft.gradients().get(0), 0f, "plain autograd");
            Autograd.Result snapped = Autograd.run(m, List.of(W, zeros, zeros), List.of(SHAPE, SHAPE, SHAPE),
                    v -> q.compute(v, WeightMode.SNAPPED, 0, m), null);
            assertArrayEquals(times(1.85f / 3, 1, 0, 1, -1, 0, 0), snapped.output(), 1e-6f, "deployed: Π(W)");
            float[] codes = q.codes(List.of(m.create(W, SHAPE)), 0, m).toFloatArray();
            assertArrayEquals(new float[] {1, 0, 1, -1, 0, 0}, codes, 0f);
            assertEquals(3, CodeHistogram.of(codes).levels());
            assertEquals(1, q.sideFloats());
            assertEquals(Math.log(3) / Math.log(2), q.nominalBits(), 1e-12);
            assertEquals(Math.log(7) / Math.log(2), admm(AdmmSet.PM4).nominalBits(), 1e-12);
            assertEquals(1, admm(AdmmSet.BINARY).nominalBits(), 1e-12);
            float[] latent = q.latentCoordinate(List.of(m.create(W, SHAPE)), 0, m).toFloatArray();
            assertEquals(0.9 / (1.85 / 3), latent[0], 1e-5, "w/α");
        }
    }

    @Test
    void theProximalTermPullsWTowardsGMinusLambdaWithGradientRho() {
        // 2 epochs, a G-step every epoch: ρ = 0.01 before the first update, 0.011 after it
        AdmmQuantizer q = admm(AdmmSet.TERNARY);
        assertEquals(0.01, q.rho(0.49), 1e-15);
        assertEquals(0.011, q.rho(0.5), 1e-15);
        assertEquals(0.0121, q.rho(1), 1e-15);
        float[] g = {0.5f, 0, 0.5f, -0.5f, 0, 0};
        float[] lambda = {0.1f, 0.2f, -0.1f, 0, 0, 0.3f};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(W, SHAPE);
            w.setRequiresGradient(true);
            List<NDArray> values = List.of(w, m.create(g, SHAPE), m.create(lambda, SHAPE));
            float penalty;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray p = q.penalty(values, 0.5, m);
                penalty = p.toFloatArray()[0];
                gc.backward(p);
            }
            double expected = 0;
            float[] grad = w.getGradient().toFloatArray();
            for (int i = 0; i < W.length; i++) {
                double d = W[i] - g[i] + lambda[i];
                expected += d * d;
                assertEquals(0.011 * d, grad[i], 1e-7, "ρ(W − G + λ) at " + i);
            }
            assertEquals(0.011 / 2 * expected, penalty, 1e-7);
        }
        assertNull(AdmmQuantizer.factory(AdmmSet.TERNARY, 0, 1, 2).create(FC).penalty(List.of(), 0, null),
                "ρ = 0: no term at all");
    }

    @Test
    void theGStepProjectsWPlusLambdaAndTheDualAccumulatesTheResidualOnlyAtUpdateBoundaries() {
        AdmmQuantizer q = admm(AdmmSet.TERNARY);
        float[] g = {0.5f, 0, 0.5f, -0.5f, 0, 0};
        float[] lambda = {0, 0, 0.25f, 0, 0, 0};
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> values = new ArrayList<>(List.of(m.create(W, SHAPE), m.create(g, SHAPE),
                    m.create(lambda, SHAPE)));
            q.afterStep(values, 0.1, 0.2, m);
            assertArrayEquals(g, values.get(1).toFloatArray(), 0f, "no boundary crossed: G untouched");
            assertArrayEquals(lambda, values.get(2).toFloatArray(), 0f);
            assertFalse(q.scalars(values, 0.2).containsKey("codes changed"));

            q.afterStep(values, 0.45, 0.5, m);
            // V = W + λ = 0.9, −0.05, 0.6, −0.6, 0.02, 0.1 → codes 1,0,1,−1,0,0, α = 0.7
            float[] newG = times(0.7f, 1, 0, 1, -1, 0, 0);
            assertArrayEquals(newG, values.get(1).toFloatArray(), 1e-6f);
            float[] newLambda = new float[6];
            for (int i = 0; i < 6; i++) {
                newLambda[i] = lambda[i] + W[i] - newG[i];
            }
            assertArrayEquals(newLambda, values.get(2).toFloatArray(), 1e-6f);
            Map<String, Double> s = q.scalars(values, 0.5);
            assertEquals(0, s.get("codes changed"), 1e-12, "the old G had the same codes");
            assertEquals(0.011 * Math.sqrt(3 * 0.2 * 0.2), s.get("dual residual"), 1e-6);
            assertEquals(0.011, s.get("ρ"), 1e-12);
            assertTrue(s.get("primal residual") > 0);
        }
    }

    @Test
    void initialisationProjectsTheStartingWeightsAndZeroesTheDual() {
        AdmmQuantizer q = admm(AdmmSet.PM2);
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> values = List.of(m.create(W, SHAPE), m.ones(SHAPE), m.ones(SHAPE));
            q.initialized(values);
            assertArrayEquals(times(3.35f / 9, 2, 0, 1, -2, 0, 0), values.get(1).toFloatArray(), 1e-6f);
            assertArrayEquals(new float[6], values.get(2).toFloatArray(), 0f);
            assertEquals(3, m.getManagedArrays().size(), "initialisation leaves no arrays behind");
        }
    }

    @Test
    void theAxisMarksTheLevelsAndTheBoundaries() {
        LatentAxis axis = admm(AdmmSet.PM4).axis(0);
        assertEquals("w/α", axis.coordinate());
        assertEquals(List.of(-4.0, -3.0, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0),
                axis.lines().stream().map(ReferenceLine::at).toList());
        assertFalse(axis.inferred());
        assertTrue(axis.min() <= -4 && axis.max() >= 4);
    }
}
