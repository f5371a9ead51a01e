package org.ringlab.nn;

import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.RingQuantizer;
import org.ringlab.quant.Ring;

/** A fully connected layer whose weights are ring positions of shape (out, in). */
public final class RingLinear extends QuantizedLinear implements RingLayer {

    /** The reference method's layer. */
    public RingLinear(String name, Ring ring, int inFeatures, int outFeatures, boolean bias) {
        this(name, RingQuantizer.factory(ring, RingQuantizer.Variant.REFERENCE, 0), inFeatures, outFeatures, bias);
    }

    /** A layer of any ring variant; {@code factory} must make {@link RingQuantizer}s. */
    public RingLinear(String name, QuantizerFactory factory, int inFeatures, int outFeatures, boolean bias) {
        super(name, factory, inFeatures, outFeatures, bias, null);
    }

    @Override
    public RingQuantizer quantizer() {
        return (RingQuantizer) super.quantizer();
    }
}
