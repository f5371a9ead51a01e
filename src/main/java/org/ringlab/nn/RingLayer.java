package org.ringlab.nn;

import ai.djl.nn.Parameter;
import org.ringlab.nn.quantizer.RingQuantizer;
import org.ringlab.quant.Ring;

/** A quantized layer whose weights (and optionally biases) are positions on a ring. */
public interface RingLayer extends QuantizedLayer {

    @Override
    RingQuantizer quantizer();

    default Ring ring() {
        return quantizer().ring();
    }

    default Parameter positions() {
        return quantizer().positions();
    }

    /** The bias positions, or null when the layer has no ring bias. */
    default Parameter biasPositions() {
        return quantizer().biasPositions();
    }
}
