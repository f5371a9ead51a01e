package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ringlab.nn.quantizer.KernelTesting.assertClose;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.PowerOfTwoGrid;

class PowerOfTwoKernelTest {
    // max|w| = 0.9 → s = 2^round(−0.152) = 1; 3 bits → e ∈ {0, −1, −2, −3}.
    private static final float[] W = {0.9f, -0.3f, 0.06f, -0.02f, 0.5f, 0f};

    @BeforeEach
    void gradModeOff() {
        KernelTesting.gradModeOff();
    }

    @Test
    void hardQuantizerRoundsTheExponent() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] q = PowerOfTwoKernel.quantize(m.create(W, new Shape(2, 3)), 3).toFloatArray();
            assertArrayEquals(new float[] {1f, -0.25f, 0.125f, -0.125f, 0.5f, 0.125f}, q, 0f);
            float[] one = PowerOfTwoKernel.quantize(m.create(W), 1).toFloatArray();
            assertArrayEquals(new float[] {1f, -1f, 1f, -1f, 1f, 1f}, one, 0f);
        }
    }

    @Test
    void slopeOneIsTheIdentityInsideTheRange() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] w = {0.9f, -0.3f, 0.2f, -0.7f, 0.5f, 0.13f};
            float[][] r = KernelTesting.valueAndGradients(m, x -> PowerOfTwoKernel.relaxed(x[0], 3, 1.0),
                    KernelTesting.ones(w.length), m.create(w));
            assertClose(w, r[0], 1e-6, "Q_1");
            assertClose(KernelTesting.ones(w.length), r[1], 1e-5, "dQ_1/dw");
        }
    }

    @Test
    void relaxedGradientIsTheTrueDerivative() {
        double k = 4;
        // 0.7, 0.36, −0.18 sit in transition bands; 0.9, 0.3, 0.5 on flats; 0.06 and −0.01 are clipped
        // (w = 0 itself is the sign jump, where no finite difference exists).
        float[] w = {0.9f, 0.7f, 0.3f, 0.36f, -0.18f, 0.5f, 0.06f, -0.01f};
        boolean[] band = {false, true, false, true, true, false, false, false};
        float[] rr = {1f, -2f, 0.5f, 3f, -1f, 2f, 1.5f, 1f};
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] r = KernelTesting.valueAndGradients(m, x -> PowerOfTwoKernel.relaxed(x[0], 3, k), rr,
                    m.create(w));
            double h = 1e-6;
            for (int i = 0; i < w.length; i++) {
                assertEquals(reference(w[i], k), r[0][i], 1e-6, "Q_k[" + i + "]");
                double fd = (reference(w[i] + h, k) - reference(w[i] - h, k)) / (2 * h);
                assertEquals(rr[i] * fd, r[1][i], 1e-3 * Math.max(1, Math.abs(fd)), "dQ_k[" + i + "]");
                if (band[i]) {
                    double expected = reference(w[i], k) / w[i] * k;   // s·2^R·k/|w|, signs cancel
                    assertEquals(rr[i] * expected, r[1][i], 1e-4 * Math.abs(expected), "band slope[" + i + "]");
                } else {
                    assertEquals(0f, r[1][i], 0f, "flat[" + i + "]");
                }
            }
        }
    }

    @Test
    void aZeroWeightHasAFiniteZeroGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] r = KernelTesting.valueAndGradients(m, x -> PowerOfTwoKernel.relaxed(x[0], 3, 4.0),
                    KernelTesting.ones(3), m.create(new float[] {0.9f, 0f, -0.4f}));
            assertEquals(0.125f, r[0][1], 0f);
            assertEquals(0f, r[1][1], 0f);
        }
    }

    @Test
    void oneBitRelaxationIsAClippedLine() {
        try (NDManager m = NDManager.newBaseManager()) {
            // max 0.9 → s = 1; k = 2: s·clip(2w, −1, 1).
            float[] w = {0.9f, -0.3f, 0.2f, -0.7f};
            float[][] r = KernelTesting.valueAndGradients(m, x -> PowerOfTwoKernel.relaxed(x[0], 1, 2.0),
                    KernelTesting.ones(4), m.create(w));
            assertClose(new float[] {1f, -0.6f, 0.4f, -1f}, r[0], 1e-6, "Q_k");
            assertClose(new float[] {0f, 2f, 2f, 0f}, r[1], 1e-6, "dQ_k");
        }
    }

    @Test
    void deployedValuesMatchHostMathAndLargeSlopesApproachThem() {
        float[] w = KernelTesting.gaussian(3, 6 * 5 * 3 * 3, 0.1);
        for (int bits = 1; bits <= 4; bits++) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray a = m.create(w, new Shape(6, 5, 3, 3));
                float[] q = PowerOfTwoKernel.quantize(a, bits).toFloatArray();
                assertArrayEquals(PowerOfTwoGrid.dequantize(w, bits), q, 0f, "bits " + bits);
                float[] relaxed = PowerOfTwoKernel.relaxed(a, bits, 1e7).toFloatArray();
                int differ = 0;
                for (int i = 0; i < q.length; i++) {
                    differ += Math.abs(q[i] - relaxed[i]) > 1e-6 ? 1 : 0;
                }
                assertEquals(0, differ, "weights where Q_k at k = 1e7 is not the hard Q, bits " + bits);
            }
        }
    }

    @Test
    void quantizeRecordsNoGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(W);
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                assertFalse(PowerOfTwoKernel.quantize(w, 3).hasGradient());
            }
        }
    }

    @Test
    void slopeRampsGeometrically() {
        assertEquals(1.0, PowerOfTwoKernel.slopeAt(0, 100), 0);
        assertEquals(10.0, PowerOfTwoKernel.slopeAt(0.5, 100), 1e-12);
        assertEquals(100.0, PowerOfTwoKernel.slopeAt(1, 100), 1e-12);
        assertEquals(100.0, PowerOfTwoKernel.slopeAt(1.5, 100), 1e-12);
        assertEquals(1.0, PowerOfTwoKernel.slopeAt(-0.5, 100), 0);
        assertThrows(IllegalArgumentException.class, () -> PowerOfTwoKernel.slopeAt(0.5, 0.5));
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> PowerOfTwoKernel.relaxed(m.create(W), 3, 0.5));
        }
    }

    /** Q_k(w) in double for s = 1, 3 bits (e_min = −3), as docs/methods/power-of-two.md writes it. */
    private static double reference(double w, double k) {
        double x = Math.max(-3, Math.min(0, Math.log(Math.max(Math.abs(w), 1.0 / 16)) / Math.log(2)));
        double fl = Math.floor(x);
        double r = fl + Math.max(0, Math.min(1, k * (x - fl - 0.5) + 0.5));
        return (w >= 0 ? 1 : -1) * Math.pow(2, r);
    }
}
