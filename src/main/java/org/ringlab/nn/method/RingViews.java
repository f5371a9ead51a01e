package org.ringlab.nn.method;

import org.ringlab.config.RunConfig;

/** What the three ring methods share: the ring view and the ring's bit accounting. */
final class RingViews {
    static final String COORDINATE = "position p";
    static final String LINES = "slot ticks, ring values";
    static final LatentView VIEW = new LatentView(LatentView.Kind.RING_POSITIONS, COORDINATE, LINES, "–");
    static final BitCount BITS = new BitCount("log2 n", "the snapped ring values", "none (the template is fixed)");

    private RingViews() {
    }

    /** log2 n for a ring of n slots: the reference's "3-bit" ring 8. */
    static double nominalBits(RunConfig c) {
        return Math.log(c.ringSize()) / Math.log(2);
    }
}
