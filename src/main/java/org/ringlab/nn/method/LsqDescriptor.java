package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.LsqQuantizer;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** Learned Step Size Quantization. */
final class LsqDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.LSQ;
    }

    @Override
    public String summary() {
        return "LSQ (Esser et al. 2020): b-bit signed, learned step s per layer (initialised "
                + "2·mean|v|/√Q_P), gradient scale 1/√(N·Q_P); b = 1 is the sign code {−s, +s}.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return LsqQuantizer.factory(c.bits());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "LSQ: latent W, step s = 2·mean|W|/√Q_P (CODE, LSQ README)");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "v/s", "the integer grid −Q_N … Q_P (clip bounds marked)", "s");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("b", "the integer codes", "the step s per layer");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return c.bits();
    }
}
