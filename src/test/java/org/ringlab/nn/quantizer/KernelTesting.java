package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.function.Function;

/** Shared helpers of the kernel tests: gradients of Σ r ⊙ f(x) and float comparisons. */
final class KernelTesting {
    private KernelTesting() {
    }

    /**
     * A test thread may not be the one that loaded the engine, and torch's grad mode is ON on
     * other threads; start every test from the Trainer's state (off outside a collector).
     */
    static void gradModeOff() {
        Engine.getInstance();
        JniUtils.setGradMode(false);
    }

    /** Forward value and the gradient of L = Σ weights ⊙ f(x) with respect to each input. */
    static float[][] valueAndGradients(NDManager manager, Function<NDArray[], NDArray> f, float[] weights,
            NDArray... inputs) {
        for (NDArray x : inputs) {
            x.setRequiresGradient(true);
        }
        float[][] out = new float[inputs.length + 1][];
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = f.apply(inputs);
            out[0] = y.toFloatArray();
            NDArray loss = y.mul(manager.create(weights, y.getShape())).sum();
            gc.backward(loss);
        }
        for (int i = 0; i < inputs.length; i++) {
            NDArray g = inputs[i].getGradient();
            g.attach(manager);
            out[i + 1] = g.toFloatArray();
        }
        return out;
    }

    static float[] ones(int n) {
        float[] r = new float[n];
        java.util.Arrays.fill(r, 1f);
        return r;
    }

    static float[] gaussian(long seed, int n, double sigma) {
        Random random = new Random(seed);
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            r[i] = (float) (random.nextGaussian() * sigma);
        }
        return r;
    }

    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1.0, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    static void assertClose(double[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1.0, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }
}
