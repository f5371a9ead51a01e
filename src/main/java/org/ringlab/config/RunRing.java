package org.ringlab.config;

import org.ringlab.quant.Ring;

/** The ring a configuration describes: built here only, for training, bit accounting and tables alike. */
public final class RunRing {
    private RunRing() {
    }

    /**
     * The run's ring: type, size, mode and the effective σ. Meaningful for ring methods; any
     * configuration with a valid ring size has one.
     */
    public static Ring of(RunConfig c) {
        // config and quant still keep one enum each; the names match
        return Ring.of(org.ringlab.quant.RingType.valueOf(c.ringType().name()), c.ringSize(),
                org.ringlab.quant.RingMode.valueOf(c.ringMode().name()), c.effectiveSigma());
    }
}
