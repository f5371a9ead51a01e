package org.ringlab.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import org.ringlab.quant.Ring;

/** What every ring layer shares: a name, its positions, and the soft/snapped switch. */
abstract class RingBlock extends AbstractBlock implements RingLayer {
    private static final byte VERSION = 1;

    private final String name;
    final RingParameters params;

    RingBlock(String name, Ring ring, Shape positionsShape, long biasCount, boolean bias) {
        super(VERSION);
        this.name = name;
        this.params = new RingParameters(ring, positionsShape, biasCount, bias);
        addParameter(params.positions());
        if (params.biasPositions() != null) {
            addParameter(params.biasPositions());
        }
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
}
