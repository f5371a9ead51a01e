package org.ringlab.tables;

import org.ringlab.config.RunConfig;
import org.ringlab.config.RunRing;
import org.ringlab.quant.BitAccounting;
import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;

/**
 * The bits a configuration's weights cost (docs/methods/bits.md#bit-accounting): the nominal figure, log2 of the ring
 * size, next to the truthful one, from the distinct values the ring actually has. A reference
 * triangle-8 ring repeats values, so it is nominally 3 bits but has 4 levels and needs 2.
 *
 * @param levels distinct weight values; null for FP32, whose weights are not drawn from a set
 * @param levelBits ceil(log2 levels): the fixed-length code width; 32 for FP32
 */
public record RunBits(double nominalBits, Integer levels, int levelBits) {
    private static final int FLOAT_BITS = 32;

    public static RunBits of(RunConfig config) {
        if (!config.usesRing()) {
            return new RunBits(FLOAT_BITS, null, FLOAT_BITS);
        }
        Ring ring = RunRing.of(config);
        int levels = LevelSet.of(ring.values()).count();
        return new RunBits(Math.log(config.ringSize()) / Math.log(2), levels, BitAccounting.fixedLengthBits(levels));
    }

    /** "fp32", the ring as "triangle-8 reference", a ring variant as "ring-ste triangle-8 reference". */
    public static String methodLabel(RunConfig config) {
        return config.methodLabel();
    }
}
