package org.ringlab.nn.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringlab.nn.activation.Grads.assertClose;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each activation quantizer's forward on hand-computed inputs and its gradients against the rule it states. */
class ActivationKernelsTest {
    private static final float[] R = {1f, -2f, 0.5f, 3f, -1f, 2f};

    @BeforeEach
    void gradModeOff() {
        Grads.gradModeOff();
    }

    @Test
    void lsqUnsignedFollowsTheRuleWithTheScalePerSample() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 2 samples of 3 features, s = 0.5, 2 bits unsigned: v/s clipped to [0, 3]
            NDArray x = m.create(new float[] {0f, 0.3f, 0.7f, 1.2f, 2.0f, -0.4f}, new Shape(2, 3));
            NDArray s = m.create(new float[] {0.5f}, new Shape(1));
            float[][] r = Grads.of(m, a -> ActivationKernels.lsq(a[0], a[1], 0f, 3f, 1 / Math.sqrt(3 * 3.0)), R, x, s);
            // v/s = 0, 0.6, 1.4, 2.4, 4 (clipped to 3), −0.8 (clipped to 0)
            assertClose(new double[] {0, 0.5, 0.5, 1.0, 1.5, 0}, r[0], 0, "v hat");
            assertClose(new double[] {1, -2, 0.5, 3, 0, 0}, r[1], 1e-6, "dv: 1 inside [0, Q_P], 0 outside");
            double[] perInput = {0, 1 - 0.6, 1 - 1.4, 2 - 2.4, 3, 0};
            double ds = 0;
            for (int i = 0; i < R.length; i++) {
                ds += R[i] * perInput[i];
            }
            assertEquals(ds / 3, r[2][0], 1e-6, "ds: round − v/s inside, Q_P above, 0 below, times 1/√(N_F·Q_P)");
        }
    }

    @Test
    void lsqSignedClipsAtMinusQn() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0.1f, -0.3f, 0.7f, -1.4f, 0.2f, 0.45f}, new Shape(2, 3));
            NDArray s = m.create(new float[] {0.5f}, new Shape(1));
            LsqActivation q = new LsqActivation(2, true);
            assertEquals(2f, q.qn());
            assertEquals(1f, q.qp());
            float[][] r = Grads.of(m, a -> ActivationKernels.lsq(a[0], a[1], 2f, 1f, 1 / Math.sqrt(3.0)), R, x, s);
            // v/s = 0.2, −0.6, 1.4 (→ 1), −2.8 (→ −2), 0.4, 0.9
            assertClose(new double[] {0, -0.5, 0.5, -1, 0, 0.5}, r[0], 0, "v hat");
            assertClose(new double[] {1, -2, 0, 0, -1, 2}, r[1], 1e-6, "dv");
            double ds = 1 * -0.2 + -2 * (-1 + 0.6) + 0.5 * 1 + 3 * -2 + -1 * -0.4 + 2 * (1 - 0.9);
            assertEquals(ds / Math.sqrt(3), r[2][0], 1e-6, "ds");
        }
    }

    @Test
    void dorefaClipsToTheUnitIntervalAndPassesTheGradientInside() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {-0.5f, 0f, 0.2f, 0.45f, 0.9f, 1.3f});
            float[][] r = Grads.of(m, a -> ActivationKernels.dorefa(a[0], 2), R, x);
            // 3·clip(x) = 0, 0, 0.6, 1.35, 2.7, 3 → 0, 0, 1, 1, 3, 3
            assertClose(new double[] {0, 0, 1 / 3.0, 1 / 3.0, 1, 1}, r[0], 1e-7, "x_q");
            assertClose(new double[] {0, -2, 0.5, 3, -1, 0}, r[1], 1e-6, "dx = 1{0 ≤ x ≤ 1}");
        }
    }

    @Test
    void pactClipsAtAlphaAndSendsTheClippedGradientToAlpha() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {-0.5f, 0.3f, 1.1f, 1.9f, 2.0f, 3.5f});
            NDArray alpha = m.create(new float[] {2f}, new Shape(1));
            float[][] r = Grads.of(m, a -> ActivationKernels.pact(a[0], a[1], 2), R, x, alpha);
            // y = 0, 0.3, 1.1, 1.9, 2, 2; y·3/α = 0, 0.45, 1.65, 2.85, 3, 3 → 0, 0, 2, 3, 3, 3
            assertClose(new double[] {0, 0, 4 / 3.0, 2, 2, 2}, r[0], 1e-6, "y_q");
            assertClose(new double[] {0, -2, 0.5, 3, 0, 0}, r[1], 1e-6, "dx = 1{0 ≤ x < α}");
            assertEquals(-1 + 2, r[2][0], 1e-6, "dα = Σ r·1{x ≥ α}");
        }
    }

    @Test
    void bitnetScalesEachTokenByItsAbsmax() {
        try (NDManager m = NDManager.newBaseManager()) {
            // a linear input: a token is a row
            NDArray x = m.create(new float[] {0.3f, -1.0f, 0.25f, 1f, 0f, -4f}, new Shape(2, 3));
            float[][] r = Grads.of(m, a -> ActivationKernels.absmax(a[0], 8), R, x);
            // row 0: s = 127: 38.1 → 38, −127, 31.75 → 32; row 1: s = 31.75: 31.75 → 32, 0, −127
            assertClose(new double[] {38 / 127.0, -1, 32 / 127.0, 32 / 31.75, 0, -4}, r[0], 1e-6, "x_q");
            assertClose(new double[] {1, -2, 0.5, 3, -1, 2}, r[1], 1e-6, "straight through");
            // a conv input (1, 2, 1, 2): a token is the channel vector at one pixel
            NDArray conv = m.create(new float[] {1f, 0.1f, -0.6f, 0.4f}, new Shape(1, 2, 1, 2));
            float[] q = ActivationKernels.absmax(conv, 8).toFloatArray();
            // pixel 0: (1, −0.6), s = 127 → 127, −76.2 → −76; pixel 1: (0.1, 0.4), s = 317.5 → 31.75 → 32, 127
            assertClose(new double[] {1, 32 / 317.5, -76 / 127.0, 0.4}, q, 1e-6, "per pixel");
        }
    }

    @Test
    void powerOfTwoLevelsAndTheirGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 2 bits: m = 2, levels 0, s/4, s/2, s; zero below s/4/√2 ≈ 0.177
            NDArray x = m.create(new float[] {0.1f, 0.2f, 0.3f, 0.45f, 0.8f, 3.0f}, new Shape(1, 6));
            NDArray s = m.create(new float[] {1f}, new Shape(1));
            double g = 0.5;
            float[][] r = Grads.of(m, a -> ActivationKernels.powerOfTwo(a[0], a[1], 2, g), R, x, s);
            assertClose(new double[] {0, 0.25, 0.25, 0.5, 1, 1}, r[0], 0, "a_q");
            // inside the exponent range da_q/da = a_q/a; clipped or zeroed: 0
            assertClose(new double[] {0, 0, 0.5 * 0.25 / 0.3, 3 * 0.5 / 0.45, -1 * 1 / 0.8, 0}, r[1], 1e-5, "da");
            // ds: g·2^−m below the range, g above it, 0 inside and when zeroed
            assertEquals(g * (-2 * 0.25 + 2 * 1), r[2][0], 1e-5, "ds");
        }
    }

    @Test
    void bernoulliTernaryThresholdsAtEvaluation() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {-1.5f, -0.7f, -0.3f, 0f, 0.4f, 0.6f, 1f});
            float[] r7 = {1f, 2f, 3f, 4f, 5f, 6f, 7f};
            float[][] r = Grads.of(m, a -> ActivationKernels.bernoulliTernary(a[0], false), r7, x);
            assertClose(new double[] {-1, -1, 0, 0, 0, 1, 1}, r[0], 0, "x_q");
            assertClose(new double[] {0, 2, 3, 4, 5, 6, 7}, r[1], 0, "dx = 1 inside [−1, 1]");
        }
    }

    @Test
    void bernoulliTernaryIsUnbiasedWhenSampling() {
        Engine.getInstance().setRandomSeed(7);
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 20000;
            for (float v : new float[] {0.3f, -0.8f, 1f, 0f}) {
                NDArray x = m.full(new Shape(n), v);
                float[] q = ActivationKernels.bernoulliTernary(x, true).toFloatArray();
                double sum = 0;
                for (float e : q) {
                    assertTrue(e == 0f || e == Math.signum(v), v + " gave " + e);
                    sum += e;
                }
                // the mean of n Bernoulli(|v|) draws: std √(v(1−v)/n) ≤ 0.0036
                assertEquals(v, sum / n, 0.015, "E[x_q] = x at " + v);
            }
        }
    }
}
