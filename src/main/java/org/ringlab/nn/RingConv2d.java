package org.ringlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.ringlab.quant.Ring;

/**
 * A 2-D convolution whose weights are ring positions. Positions are stored flat, in the C order of
 * (out, in, kh, kw), exactly as the reference stores them.
 */
public final class RingConv2d extends RingBlock {
    private final int inChannels;
    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;

    public RingConv2d(String name, Ring ring, int inChannels, int filters, int kernel, int stride, int padding,
            boolean bias) {
        super(name, ring, new Shape((long) filters * inChannels * kernel * kernel), filters, bias);
        this.inChannels = inChannels;
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> extra) {
        NDArray x = inputs.singletonOrThrow();
        NDArray[] wb = params.weights(store, x, training, new Shape(filters, inChannels, kernel, kernel));
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
