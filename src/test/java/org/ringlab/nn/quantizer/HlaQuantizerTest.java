package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** HLA (INFERRED) on a hand-computed 2×3 layer: the two stages' forwards, the re-scaled STE, the cosine regulariser. */
class HlaQuantizerTest {
    private static final float[] W = {0.9f, -0.05f, 0.35f, -0.6f, 0.02f, 0.1f};
    private static final float[] G = {1f, 2f, 3f, -4f, 5f, 6f};
    private static final Shape SHAPE = new Shape(2, 3);
    private static final LayerGeometry FC = new LayerGeometry("fc", SHAPE, null, false, false);
    /** Each row keeps its largest weight: Δ = 0.9 and 0.6, s = ‖row‖. */
    private static final float[] DELTA = {0.9f, 0.6f};
    private static final float[] SCALE = {(float) Math.sqrt(0.935), (float) Math.sqrt(0.3704)};

    private static HlaQuantizer hla() {
        return (HlaQuantizer) HlaQuantizer.factory(0.6, 0.3).create(FC);
    }

    @Test
    void stageOneTrainsFloatWeightsAndTheDeployedNetworkIsAlwaysTernary() {
        HlaQuantizer q = hla();
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result soft = Autograd.run(m, List.of(W), List.of(SHAPE), v -> q.compute(v, WeightMode.SOFT, 0.1, m), G);
            assertArrayEquals(W, soft.output(), 0f);
            assertArrayEquals(G, soft.gradients().get(0), 0f);
            float[] ternary = {SCALE[0], 0, 0, -SCALE[1], 0, 0};
            for (double progress : new double[] {0.1, 0.9}) {
                Autograd.Result snapped = Autograd.run(m, List.of(W), List.of(SHAPE),
                        v -> q.compute(v, WeightMode.SNAPPED, progress, m), null);
                assertArrayEquals(ternary, snapped.output(), 1e-6f);
            }
            float[] codes = q.codes(List.of(m.create(W, SHAPE)), 0, m).toFloatArray();
            assertArrayEquals(new float[] {1, 0, 0, -1, 0, 0}, codes, 0f);
            assertEquals(3, CodeHistogram.of(codes).levels());
            assertEquals(2, q.sideFloats(), "one scale per output row");
            assertEquals(Math.log(3) / Math.log(2), q.nominalBits(), 1e-12);
            float[] latent = q.latentCoordinate(List.of(m.create(W, SHAPE)), 0, m).toFloatArray();
            assertEquals(1, latent[0], 1e-6);
            assertEquals(0.1 / 0.6, latent[5], 1e-6);
            assertTrue(q.axis(0).inferred());
            assertTrue(q.label().contains("INFERRED"));
        }
    }

    @Test
    void stageTwoForwardsTheTernaryWeightsAndScalesTheSteGradientBySigmoidSlope() {
        HlaQuantizer q = hla();
        double progress = 0.5;
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result r = Autograd.run(m, List.of(W), List.of(SHAPE), v -> q.compute(v, WeightMode.SOFT, progress, m), G);
            assertArrayEquals(new float[] {SCALE[0], 0, 0, -SCALE[1], 0, 0}, r.output(), 1e-6f);
            double mean = 0;
            for (float v : W) {
                mean += v / 6.0;
            }
            double var = 0;
            for (float v : W) {
                var += (v - mean) * (v - mean) / 6;
            }
            double tau = (1 + 9 * progress) / Math.sqrt(var);
            boolean someAtTheFloor = false;
            for (int i = 0; i < 6; i++) {
                double sigma = 1 / (1 + Math.exp(-tau * (Math.abs(W[i]) - DELTA[i / 3])));
                double rescale = Math.max(0.1, 4 * sigma * (1 - sigma));
                someAtTheFloor |= rescale == 0.1;
                assertEquals(G[i] * rescale, r.gradients().get(0)[i], 1e-5, "g·r(w) at " + i);
            }
            assertEquals(G[0], r.gradients().get(0)[0], 1e-5, "r = 1 exactly at the threshold");
            assertTrue(someAtTheFloor, "far from the threshold r stops at r_min");
        }
    }

    @Test
    void theCosineRegulariserRampsOverStageOneAndEndsWithIt() {
        HlaQuantizer q = hla();
        assertEquals(0.3, q.gamma(0.15), 1e-12);
        assertEquals(0, q.gamma(0.3), 0);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(W, SHAPE);
            w.setRequiresGradient(true);
            assertNull(q.penalty(List.of(w), 0, m), "γ = 0 at the start");
            assertNull(q.penalty(List.of(w), 0.5, m), "stage 2: no regulariser");
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray p = q.penalty(List.of(w), 0.15, m);
                value = p.toFloatArray()[0];
                gc.backward(p);
            }
            float[] grad = w.getGradient().toFloatArray();
            float[] t = {1, 0, 0, -1, 0, 0};
            double expected = 0;
            for (int row = 0; row < 2; row++) {
                double dot = 0;
                double norm = 0;
                for (int i = 3 * row; i < 3 * row + 3; i++) {
                    dot += W[i] * t[i];
                    norm += W[i] * W[i];
                }
                norm = Math.sqrt(norm);
                expected += 1 - dot / norm;
                for (int i = 3 * row; i < 3 * row + 3; i++) {
                    // d(1 − ⟨w,t⟩/(‖w‖‖t‖))/dw with ‖t‖ = 1, times γ/rows
                    double d = -(t[i] / norm - dot * W[i] / (norm * norm * norm));
                    assertEquals(0.3 / 2 * d, grad[i], 1e-6, "gradient at " + i);
                }
            }
            assertEquals(0.3 * expected / 2, value, 1e-6);
        }
    }

    @Test
    void anAllZeroFilterStaysZeroWithoutNaN() {
        HlaQuantizer q = hla();
        float[] w = {0.5f, -0.2f, 0.1f, 0, 0, 0};
        try (NDManager m = NDManager.newBaseManager()) {
            for (WeightMode mode : WeightMode.values()) {
                Autograd.Result r = Autograd.run(m, List.of(w), List.of(SHAPE), v -> q.compute(v, mode, 0.5, m),
                        mode == WeightMode.SOFT ? G : null);
                for (float v : r.output()) {
                    assertTrue(Float.isFinite(v), mode + ": " + v);
                }
            }
            NDArray p = q.penalty(List.of(m.create(w, SHAPE)), 0.15, m);
            assertTrue(Float.isFinite(p.toFloatArray()[0]));
        }
    }
}
