package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Checks and rebuilds the tensors of an {@link OptimizerState}. */
final class OptimizerStates {
    private OptimizerStates() {
    }

    static void check(OptimizerState state, String kind, int tensors, List<TrainableParameter> params) {
        if (!state.kind().equals(kind)) {
            throw new IllegalArgumentException("the checkpoint holds " + state.kind() + " state but the run uses "
                    + kind);
        }
        if (state.values().size() != tensors) {
            throw new IllegalArgumentException("the checkpoint holds " + state.values().size()
                    + " optimiser tensors, this model needs " + tensors);
        }
        for (int i = 0; i < tensors; i++) {
            long[] expected = params.get(i % params.size()).array().getShape().getShape();
            if (!Arrays.equals(expected, state.shapes().get(i))) {
                throw new IllegalArgumentException("optimiser tensor " + i + " has shape "
                        + Arrays.toString(state.shapes().get(i)) + ", the parameter "
                        + params.get(i % params.size()).name() + " has " + Arrays.toString(expected));
            }
        }
    }

    /** The state of {@code kind} after {@code steps} steps, holding copies of {@code tensors} in order. */
    static OptimizerState of(String kind, long steps, List<NDArray> tensors) {
        List<long[]> shapes = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (NDArray a : tensors) {
            shapes.add(a.getShape().getShape());
            values.add(a.toFloatArray());
        }
        return new OptimizerState(kind, steps, shapes, values);
    }

    /** Fresh optimiser state for a parameter: zeros of its shape and type, on its device. */
    static NDArray zerosLike(NDManager manager, TrainableParameter like) {
        NDArray w = like.array();
        return manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
    }

    /**
     * The gradient {@code g} of {@code p} with torch's L2 weight decay added in place (g += decay·w)
     * where it applies; the product is a temporary of the manager {@code p}'s array is attached to.
     */
    static NDArray withDecay(NDArray g, TrainableParameter p, double weightDecay) {
        if (weightDecay > 0 && p.decays()) {
            g.addi(p.array().mul(weightDecay));
        }
        return g;
    }

    static NDArray create(NDManager manager, OptimizerState state, int index, TrainableParameter like) {
        NDArray a = manager.create(state.values().get(index), new Shape(state.shapes().get(index)));
        return like.array().getDevice().equals(a.getDevice()) ? a : a.toDevice(like.array().getDevice(), false);
    }
}
