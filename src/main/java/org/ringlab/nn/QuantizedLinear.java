package org.ringlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.ringlab.nn.quantizer.LayerGeometry;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** A fully connected layer whose (out, in) weights come from a quantizer. */
public class QuantizedLinear extends QuantizedBlock {
    private final int outFeatures;

    public QuantizedLinear(String name, QuantizerFactory factory, int inFeatures, int outFeatures, boolean bias,
            Initializer weightInit) {
        super(factory, new LayerGeometry(name, new Shape(outFeatures, inFeatures), weightInit, false, bias));
        this.outFeatures = outFeatures;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> extra) {
        NDArray x = input(store, inputs.singletonOrThrow(), training);
        NDArray[] wb = weights(store, x, training);
        return Linear.linear(x, wb[0], wb[1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(outFeatures)};
    }
}
