package org.ringlab.nn.method;

import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.RingInit;

/**
 * What the three ring methods share: the ring view of the positions, the ring's bit accounting and
 * its nominal bits. Each variant adds its method, its summary and its quantizer.
 */
abstract class RingFamilyDescriptor implements MethodDescriptor {
    static final String COORDINATE = "position p";
    static final String LINES = "slot ticks, ring values";
    private static final LatentView VIEW = new LatentView(LatentView.Kind.RING_POSITIONS, COORDINATE, LINES, "–");
    private static final BitCount BITS = new BitCount("log2 n", "the snapped ring values",
            "none (the template is fixed)");

    /** One initialiser for the three ring methods: the ring and its σ come from the layer. */
    @Override
    public final FloatInit floatInit() {
        return new RingInit();
    }

    @Override
    public LatentView latentView() {
        return VIEW;
    }

    @Override
    public final BitCount bitCount() {
        return BITS;
    }

    /** log2 n for a ring of n slots: the reference's "3-bit" ring 8. */
    @Override
    public final double nominalBits(RunConfig c) {
        return Math.log(c.ringSize()) / Math.log(2);
    }
}
