package org.ringlab.nn.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.function.Function;

/** The forward value and the gradients of L = Σ r ⊙ f(inputs) with respect to each input. */
final class Grads {
    private Grads() {
    }

    /** Tests may run on a thread where torch's grad mode is on: start from the Trainer's state. */
    static void gradModeOff() {
        Engine.getInstance();
        JniUtils.setGradMode(false);
    }

    static float[][] of(NDManager manager, Function<NDArray[], NDArray> f, float[] r, NDArray... inputs) {
        for (NDArray x : inputs) {
            x.setRequiresGradient(true);
        }
        float[][] out = new float[inputs.length + 1][];
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = f.apply(inputs);
            out[0] = y.toFloatArray();
            gc.backward(y.mul(manager.create(r, y.getShape())).sum());
        }
        for (int i = 0; i < inputs.length; i++) {
            NDArray g = inputs[i].getGradient();
            g.attach(manager);
            out[i + 1] = g.toFloatArray();
        }
        return out;
    }

    static void assertClose(double[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1.0, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }
}
