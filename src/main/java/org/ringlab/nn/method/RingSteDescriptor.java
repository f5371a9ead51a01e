package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunRing;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.RingQuantizer;

/** Ring-STE: the snapped ring forward with the soft ring backward (a labelled repair). */
final class RingSteDescriptor extends RingFamilyDescriptor {

    @Override
    public Method method() {
        return Method.RING_STE;
    }

    @Override
    public String summary() {
        return "**Repaired variant, not in the paper.** Forward uses the snapped ring value r_round(n·p); "
                + "backward uses the soft derivative dw/dp (detach identity). Soft = snapped by construction.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return RingQuantizer.factory(RunRing.of(c), RingQuantizer.Variant.STE, 0);
    }
}
