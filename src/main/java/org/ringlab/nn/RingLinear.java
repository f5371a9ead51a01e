package org.ringlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.ringlab.quant.Ring;

/** A fully connected layer whose weights are ring positions of shape (out, in). */
public final class RingLinear extends AbstractBlock implements RingLayer {
    private static final byte VERSION = 1;

    private final String name;
    private final int inFeatures;
    private final int outFeatures;
    private final RingParameters params;

    public RingLinear(String name, Ring ring, int inFeatures, int outFeatures, boolean bias) {
        super(VERSION);
        this.name = name;
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.params = new RingParameters(ring, new Shape(outFeatures, inFeatures), outFeatures, bias);
        addParameter(params.positions());
        if (params.biasPositions() != null) {
            addParameter(params.biasPositions());
        }
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

    @Override
    public String layerName() {
        return name;
    }

    @Override
    public Ring ring() {
        return params.ring();
    }

    @Override
    public Parameter positions() {
        return params.positions();
    }

    @Override
    public Parameter biasPositions() {
        return params.biasPositions();
    }

    @Override
    public void setWeightMode(WeightMode mode) {
        params.setMode(mode);
    }

    @Override
    public WeightMode weightMode() {
        return params.mode();
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }
}
