package org.ringlab.nn;

import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.RingQuantizer;
import org.ringlab.quant.Ring;

/**
 * A 2-D convolution whose weights are ring positions. Positions are stored flat, in the C order of
 * (out, in, kh, kw), exactly as the reference stores them.
 */
public final class RingConv2d extends QuantizedConv2d implements RingLayer {

    /** The reference method's layer. */
    public RingConv2d(String name, Ring ring, int inChannels, int filters, int kernel, int stride, int padding,
            boolean bias) {
        this(name, RingQuantizer.factory(ring, RingQuantizer.Variant.REFERENCE, 0), inChannels, filters, kernel,
                stride, padding, bias);
    }

    /** A layer of any ring variant; {@code factory} must make {@link RingQuantizer}s. */
    public RingConv2d(String name, QuantizerFactory factory, int inChannels, int filters, int kernel, int stride,
            int padding, boolean bias) {
        super(name, factory, inChannels, filters, kernel, stride, padding, bias, null);
    }

    @Override
    public RingQuantizer quantizer() {
        return (RingQuantizer) super.quantizer();
    }
}
