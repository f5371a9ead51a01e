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
        return Ring.of(c.ringType(), c.ringSize(), c.ringMode(), c.effectiveSigma());
    }
}
