package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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

    static NDArray create(NDManager manager, OptimizerState state, int index, TrainableParameter like) {
        NDArray a = manager.create(state.values().get(index), new Shape(state.shapes().get(index)));
        return like.array().getDevice().equals(a.getDevice()) ? a : a.toDevice(like.array().getDevice(), false);
    }
}
