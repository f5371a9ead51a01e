package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.DoReFaQuantizer;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** DoReFa-Net weights. */
final class DoReFaDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.DOREFA;
    }

    @Override
    public String summary() {
        return "DoReFa-Net weights (Zhou et al. 2016): k-bit on tanh(w)/(2·max|tanh w|) + ½, STE through "
                + "the round; k = 1 is E|w|·sign(w).";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return DoReFaQuantizer.factory(c.bits());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(true, "DoReFa: latent W (no parameters); the output scale ⟨W, w_q⟩/⟨w_q, w_q⟩ is "
                + "absorbed by the next BatchNorm (INFERRED; the sources say only: recalibrate BN)");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "x = tanh(w)/(2·max|tanh w|) + ½", "the grid i/(2^k − 1)", "–");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("k", "the integer codes", "E for k = 1, none otherwise");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return c.bits();
    }
}
