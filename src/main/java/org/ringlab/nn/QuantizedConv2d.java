package org.ringlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.ringlab.nn.quantizer.LayerGeometry;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** A 2-D convolution (square kernel, groups 1) whose weights come from a quantizer. */
public class QuantizedConv2d extends QuantizedBlock {
    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;

    public QuantizedConv2d(String name, QuantizerFactory factory, int inChannels, int filters, int kernel, int stride,
            int padding, boolean bias, Initializer weightInit) {
        super(factory, new LayerGeometry(name, new Shape(filters, inChannels, kernel, kernel), weightInit, true, bias));
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> extra) {
        NDArray x = input(store, inputs.singletonOrThrow(), training);
        NDArray[] wb = weights(store, x, training);
        return Conv2d.conv2d(x, wb[0], wb[1], new Shape(stride, stride), new Shape(padding, padding),
                new Shape(1, 1), 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        long h = (in.get(2) + 2L * padding - kernel) / stride + 1;
        long w = (in.get(3) + 2L * padding - kernel) / stride + 1;
        return new Shape[] {new Shape(in.get(0), filters, h, w)};
    }
}
