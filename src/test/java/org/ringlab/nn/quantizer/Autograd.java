package org.ringlab.nn.quantizer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs a quantizer's forward on given parameter values and back-propagates L = Σ g ⊙ output. */
final class Autograd {
    private Autograd() {
    }

    /** Outputs and parameter gradients of one forward/backward. */
    @SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
    record Result(float[] output, float[] extraBias, List<float[]> gradients) {
    }

    /**
     * @param values parameter values with their shapes, latent first
     * @param forward builds the output (weights) from the values; its extra bias, if any, joins L with weight 1
     * @param upstream g, the incoming gradient of the output (flat, same size)
     */
    static Result run(NDManager manager, List<float[]> values, List<Shape> shapes,
            Function<List<NDArray>, QuantizedWeights> forward, float[] upstream) {
        List<NDArray> arrays = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            NDArray a = manager.create(values.get(i), shapes.get(i));
            a.setRequiresGradient(true);
            arrays.add(a);
        }
        float[] out;
        float[] extra = null;
        boolean backward;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            QuantizedWeights q = forward.apply(arrays);
            NDArray w = q.weight().reshape(-1);
            out = w.toFloatArray();
            NDArray loss = w.mul(manager.create(upstream != null ? upstream : new float[out.length])).sum();
            if (q.extraBias() != null) {
                extra = q.extraBias().toFloatArray();
                loss = loss.add(q.extraBias().sum());
            }
            // a deployed (SNAPPED) forward is detached: nothing flows back, no gradients
            backward = upstream != null;
            if (backward) {
                gc.backward(loss);
            }
        }
        List<float[]> grads = new ArrayList<>();
        for (NDArray a : arrays) {
            if (backward) {
                grads.add(a.getGradient().toFloatArray());
            }
        }
        return new Result(out, extra, grads);
    }
}
