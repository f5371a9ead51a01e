package org.ringlab.nn;

import ai.djl.nn.Parameter;
import org.ringlab.quant.Ring;

/** A layer whose weights (and optionally biases) are positions on a ring. */
public interface RingLayer {
    /** The layer's name in the reference's naming, e.g. "layer2.0.conv1". */
    String layerName();

    Ring ring();

    Parameter positions();

    /** The bias positions, or null when the layer has no ring bias. */
    Parameter biasPositions();

    void setWeightMode(WeightMode mode);

    WeightMode weightMode();
}
