package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.PowerOfTwoQuantizer;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** Power-of-two weights (INFERRED). */
final class PowerOfTwoDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.POW2;
    }

    @Override
    public String summary() {
        return "Power-of-two (\"shift\") weights after Badar 2025, **INFERRED** (only the paper's abstract is "
                + "known; see below): a sign plus exponent codes s·2^e, no zero code. Trains through a slope-k "
                + "relaxation with its true derivative (no STE); k ramps geometrically from 1 to `pow2-slope`.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return PowerOfTwoQuantizer.factory(c.bits(), c.pow2Slope());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "pow2: latent W; s = 2^round(log2 max|W|) recomputed at every step "
                + "(ABSTRACT / INFERRED)");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "e = log2(|w|/s) (INFERRED)", "the exponent grid e_min … 0", "k");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("b", "the integer codes", "the scale s per layer (a power of two, counted as a float)");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return c.bits();
    }
}
