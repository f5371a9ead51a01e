package org.ringlab.train;

import ai.djl.ndarray.NDArray;

/**
 * A parameter the optimiser updates, with the flags that decide how.
 *
 * @param isPosition a ring position (constrained to [0, 1] after each step)
 * @param decays whether weight decay applies to it (the reference decays positions too)
 */
record TrainableParameter(String name, NDArray array, boolean isPosition, boolean decays) {
}
