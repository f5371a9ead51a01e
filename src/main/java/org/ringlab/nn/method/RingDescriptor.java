package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunRing;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.RingQuantizer;

/** Ring Quantization as published (the reference, bit for bit). */
final class RingDescriptor extends RingFamilyDescriptor {

    @Override
    public Method method() {
        return Method.RING;
    }

    @Override
    public String summary() {
        return "Ring Quantization as published: positions p ∈ [0, 1] turned into weights by a Gaussian softmax "
                + "over the ring; trains and (in the paper) evaluates **soft**, continuous weights. Bit for bit the "
                + "reference.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return RingQuantizer.factory(RunRing.of(c), RingQuantizer.Variant.REFERENCE, 0);
    }
}
