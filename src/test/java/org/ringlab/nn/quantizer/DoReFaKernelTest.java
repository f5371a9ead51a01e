package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.ringlab.nn.quantizer.KernelTesting.assertClose;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.DoReFaGrid;

class DoReFaKernelTest {
    private static final float[] W = {0.5f, -1f, 0.2f, 2f, -0.3f, 0.05f};
    private static final float[] R = {1f, -2f, 0.5f, 3f, -1f, 2f};

    @BeforeEach
    void gradModeOff() {
        KernelTesting.gradModeOff();
    }

    @Test
    void twoBitForwardIsTheRoundedTanhNormalisation() {
        try (NDManager m = NDManager.newBaseManager()) {
            // tanh = .4621, −.7616, .1974, .9640, −.2913, .0500; x = tanh/1.9281 + ½
            // = .7397, .1050, .6024, 1, .3489, .5259; 3x rounds to 2, 0, 2, 3, 1, 2.
            float[] y = DoReFaKernel.fakeQuantize(m.create(W, new Shape(2, 3)), 2).toFloatArray();
            float third = 1f / 3f;
            assertClose(new float[] {third, -1f, third, 1f, -third, third}, y, 1e-6, "w_q");
        }
    }

    @Test
    void gradientIsTheUnroundedExpressionsDerivative() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(W, new Shape(2, 3));
            float[][] r = KernelTesting.valueAndGradients(m, x -> DoReFaKernel.fakeQuantize(x[0], 3), R, w);
            double[] expected = new double[W.length];
            double h = 1e-5;
            for (int j = 0; j < W.length; j++) {
                double[] plus = toDouble(W);
                double[] minus = toDouble(W);
                plus[j] += h;
                minus[j] -= h;
                expected[j] = (unrounded(plus) - unrounded(minus)) / (2 * h);
            }
            // The max element (w = 2) has a non-trivial gradient through max|tanh|: it is covered too.
            assertClose(expected, r[1], 1e-4, "dw");
        }
    }

    @Test
    void oneBitIsMeanAbsTimesSignWithIdentityGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] w = {0.5f, -1f, 0f, 2f, -0.3f, 0.05f};
            float e = (0.5f + 1f + 0f + 2f + 0.3f + 0.05f) / 6f;
            float[][] r = KernelTesting.valueAndGradients(m, x -> DoReFaKernel.fakeQuantize(x[0], 1), R,
                    m.create(w));
            assertClose(new float[] {e, -e, e, e, -e, e}, r[0], 1e-6, "w_q");
            assertClose(R, r[1], 0, "dw");
        }
    }

    @Test
    void deployedValuesMatchTrainingForwardAndHostMath() {
        float[] w = KernelTesting.gaussian(11, 8 * 4 * 3 * 3, 0.3);
        for (int bits = 1; bits <= 4; bits++) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray a = m.create(w, new Shape(8, 4, 3, 3));
                float[] q = DoReFaKernel.quantize(a, bits).toFloatArray();
                assertClose(DoReFaGrid.dequantize(w, bits), q, 1e-6, "host, bits " + bits);
                assertArrayEquals(q, DoReFaKernel.fakeQuantize(a, bits).toFloatArray(), 0f, "bits " + bits);
            }
        }
    }

    @Test
    void quantizeRecordsNoGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(W);
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                assertFalse(DoReFaKernel.quantize(w, 2).hasGradient());
                assertFalse(DoReFaKernel.quantize(w, 1).hasGradient());
            }
        }
    }

    /** Σ r ⊙ (2x − 1) in double: the k = 3 forward without its round. */
    private static double unrounded(double[] w) {
        double max = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(Math.tanh(v)));
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double x = Math.tanh(w[i]) / (2 * max) + 0.5;
            sum += R[i] * (2 * x - 1);
        }
        return sum;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
