package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Updates parameters in place with PyTorch's semantics. DJL's own optimisers differ from torch in
 * details the reference depends on (MXNet-style momentum under a changing lr, one weight decay for
 * every parameter), so RingLab carries its own.
 */
interface ParameterOptimizer {
    /**
     * One update. {@code grads.get(i)} belongs to {@code params.get(i)}; both may be modified.
     * Temporaries live in a sub-manager of {@code parent} that is closed before returning.
     */
    void step(List<TrainableParameter> params, List<NDArray> grads, double lr, NDManager parent);

    /** The state a resumed run needs to continue exactly where this one is (read between steps). */
    OptimizerState state();

    /**
     * Continues from {@code state} (from {@link #state()} of the same optimiser over the same
     * parameters); before the first step.
     *
     * @throws IllegalArgumentException when the state belongs to another optimiser or model
     */
    void restore(OptimizerState state, List<TrainableParameter> params);
}
