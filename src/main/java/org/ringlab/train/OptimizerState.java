package org.ringlab.train;

import java.util.List;

/**
 * An optimiser's state copied to the heap, for a checkpoint a run can resume from: Adam's two
 * moment tensors per parameter and its step count, or SGD's momentum buffers.
 *
 * @param kind "adam" or "sgd", so that a checkpoint is never restored into the other optimiser
 * @param steps updates taken (Adam's t, which drives its bias correction); 0 for SGD
 * @param shapes one shape per tensor, in {@code values} order
 */
record OptimizerState(String kind, long steps, List<long[]> shapes, List<float[]> values) {

    OptimizerState {
        shapes = List.copyOf(shapes);
        values = List.copyOf(values);
        if (shapes.size() != values.size()) {
            throw new IllegalArgumentException(shapes.size() + " shapes for " + values.size() + " tensors");
        }
    }
}
