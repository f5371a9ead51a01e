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
import org.ringlab.quant.LsqGrid;

class LsqKernelTest {
    // s = 0.5, 2 bits: Q_N = 2, Q_P = 1, so v/s is clipped to [−2, 1].
    private static final float[] V = {0.1f, -0.3f, 0.7f, -1.4f, 0.2f, 0.45f};
    private static final float[] R = {1f, -2f, 0.5f, 3f, -1f, 2f};

    @BeforeEach
    void gradModeOff() {
        KernelTesting.gradModeOff();
    }

    @Test
    void forwardAndGradientsFollowLsq() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray v = m.create(V, new Shape(2, 3));
            NDArray s = m.create(new float[] {0.5f}, new Shape(1));
            float[][] r = KernelTesting.valueAndGradients(m, x -> LsqKernel.fakeQuantize(x[0], x[1], 2), R, v, s);
            // v/s = 0.2, −0.6, 1.4, −2.8, 0.4, 0.9 → codes 0, −1, 1 (clipped), −2 (clipped), 0, 1.
            assertClose(new float[] {0f, -0.5f, 0.5f, -1f, 0f, 0.5f}, r[0], 0, "v hat");
            assertClose(new float[] {1f, -2f, 0f, 0f, -1f, 2f}, r[1], 1e-6, "dv");
            double g = 1 / Math.sqrt(6 * 1.0);
            double[] perWeight = {0 - 0.2, -1 + 0.6, 1, -2, 0 - 0.4, 1 - 0.9};
            double ds = 0;
            for (int i = 0; i < R.length; i++) {
                ds += R[i] * perWeight[i];
            }
            assertEquals(g * ds, r[2][0], 1e-6, "ds");
        }
    }

    @Test
    void oneBitIsASymmetricSignCode() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray v = m.create(new float[] {0.2f, -0.1f, 0f, 0.9f, -0.7f});
            NDArray s = m.create(0.5f);
            float[] rr = {1f, 2f, 3f, 4f, 5f};
            float[][] r = KernelTesting.valueAndGradients(m, x -> LsqKernel.fakeQuantize(x[0], x[1], 1), rr, v, s);
            assertClose(new float[] {0.5f, -0.5f, 0.5f, 0.5f, -0.5f}, r[0], 0, "v hat");
            assertClose(new float[] {1f, 2f, 3f, 0f, 0f}, r[1], 1e-6, "dv");
            // v/s = 0.4, −0.2, 0, 1.8 (clipped → +1), −1.4 (clipped → −1); g = 1/√5.
            double ds = 1 * (1 - 0.4) + 2 * (-1 + 0.2) + 3 * (1 - 0) + 4 * 1 + 5 * -1;
            assertEquals(ds / Math.sqrt(5), r[2][0], 1e-6, "ds");
        }
    }

    @Test
    void deployedValuesMatchTrainingForwardAndHostMath() {
        float[] w = KernelTesting.gaussian(7, 4 * 3 * 3 * 3, 0.2);
        for (int bits = 1; bits <= 4; bits++) {
            float step = LsqKernel.initialStep(w, bits);
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray v = m.create(w, new Shape(4, 3, 3, 3));
                NDArray s = m.create(step);
                NDArray q = LsqKernel.quantize(v, s, bits);
                assertEquals(v.getShape(), q.getShape());
                assertArrayEquals(LsqGrid.dequantize(w, step, bits), q.toFloatArray(), 0f, "bits " + bits);
                assertArrayEquals(q.toFloatArray(), LsqKernel.fakeQuantize(v, s, bits).toFloatArray(), 0f);
            }
        }
    }

    @Test
    void quantizeRecordsNoGradientEvenInsideACollector() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray v = m.create(V);
            NDArray s = m.create(0.5f);
            v.setRequiresGradient(true);
            s.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                assertFalse(LsqKernel.quantize(v, s, 3).hasGradient());
            }
        }
    }

    @Test
    void stepMustBeOneValue() {
        try (NDManager m = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LsqKernel.fakeQuantize(m.create(V), m.create(new float[] {1f, 2f}), 2));
            assertEquals("the LSQ step must be one value per layer, got shape (2)", e.getMessage());
        }
    }
}
