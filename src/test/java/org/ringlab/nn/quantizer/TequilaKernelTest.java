package org.ringlab.nn.quantizer;

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
import org.ringlab.quant.TequilaGroups;

class TequilaKernelTest {
    // Rows of 6 in groups of 4: groups of 4 and 2 weights per row.
    private static final float[] W = {
        0.4f, -0.1f, 0.05f, -0.3f, 0.2f, -0.02f,
        -0.5f, 0.25f, 0.1f, 0f, -0.06f, 0.06f};

    @BeforeEach
    void gradModeOff() {
        KernelTesting.gradModeOff();
    }

    @Test
    void forwardOnASmallLayerWithAShortLastGroup() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(W, new Shape(2, 6));
            // Row 0: α = 0.2125 (Δ 0.10625) and 0.11 (Δ 0.055); row 1: α = 0.2125 and 0.06 (Δ 0.03).
            float[] a = TequilaKernel.ternaryWeights(w, 4).toFloatArray();
            assertClose(new float[] {0.2125f, 0f, 0f, -0.2125f, 0.11f, 0f,
                -0.2125f, 0.2125f, 0f, 0f, -0.06f, 0.06f}, a, 1e-6, "A");
            // Dead sets: row 0 {−0.1, 0.05, −0.02}, row 1 {0.1, 0}.
            assertClose(new float[] {-0.035f, 0.05f}, TequilaKernel.dynamicBias(w, 4, 0.5f).toFloatArray(), 1e-6, "C");
            assertClose(a, TequilaKernel.quantize(w, 4).toFloatArray(), 0, "deployed A");
        }
    }

    @Test
    void gradientIsSteForAPlusLambdaOnTheDeadSet() {
        float lambda = 0.25f;
        float[] ra = KernelTesting.gaussian(5, 2 * 3 * 2 * 2, 1);
        float[] rc = {1.5f, -2f};
        float[] w = KernelTesting.gaussian(6, 2 * 3 * 2 * 2, 0.2);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(w, new Shape(2, 3, 2, 2));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray a = TequilaKernel.ternaryWeights(x, 5);
                NDArray c = TequilaKernel.dynamicBias(x, 5, lambda);
                assertEquals(new Shape(2), c.getShape());
                gc.backward(a.mul(m.create(ra, a.getShape())).sum().add(c.mul(m.create(rc)).sum()));
            }
            NDArray g = x.getGradient();
            g.attach(m);
            int[] t = TequilaGroups.codes(w, 2, 5);
            float[] expected = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                expected[i] = ra[i] + (t[i] == 0 ? lambda * rc[i / 12] : 0f);
            }
            assertClose(expected, g.toFloatArray(), 1e-6, "dL/dw");
        }
    }

    @Test
    void deployedValuesMatchHostMath() {
        // (4, 8, 2, 2): rows of 32 in groups of 16; (3, 5, 3, 3): rows of 45 in 16, 16, 13, and one group of 128.
        check(new Shape(4, 8, 2, 2), 16);
        check(new Shape(3, 5, 3, 3), 16);
        check(new Shape(3, 5, 3, 3), TequilaGroups.DEFAULT_GROUP);
        check(new Shape(10, 84), TequilaGroups.DEFAULT_GROUP);
    }

    @Test
    void quantizeRecordsNoGradientAndBadShapesAreNamed() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(W, new Shape(2, 6));
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                assertFalse(TequilaKernel.quantize(w, 4).hasGradient());
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TequilaKernel.quantize(m.create(W), 4));
            assertEquals("Tequila needs a weight of shape (out, in) or (out, in, kh, kw), got (12)", e.getMessage());
        }
    }

    private static void check(Shape shape, int group) {
        int rows = (int) shape.get(0);
        float[] w = KernelTesting.gaussian(shape.size(), (int) shape.size(), 0.1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(w, shape);
            NDArray q = TequilaKernel.quantize(x, group);
            assertEquals(shape, q.getShape());
            assertClose(TequilaGroups.dequantize(w, rows, group), q.toFloatArray(), 1e-6, shape + " / " + group);
            assertClose(TequilaGroups.dynamicBias(w, rows, group, 1e-3f),
                    TequilaKernel.dynamicBias(x, group, 1e-3f).toFloatArray(), 1e-6, "C " + shape);
        }
    }
}
