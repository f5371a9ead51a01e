package org.ringlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.ringlab.quant.Ring;

/** A fully connected layer whose weights are ring positions of shape (out, in). */
public final class RingLinear extends RingBlock {
    private final int inFeatures;
    private final int outFeatures;

    public RingLinear(String name, Ring ring, int inFeatures, int outFeatures, boolean bias) {
        super(name, ring, new Shape(outFeatures, inFeatures), outFeatures, bias);
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> extra) {
        NDArray x = inputs.singletonOrThrow();
        NDArray[] wb = params.weights(store, x, training, new Shape(outFeatures, inFeatures));
        return Linear.linear(x, wb[0], wb[1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(outFeatures)};
    }
}
