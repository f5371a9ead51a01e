package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.TtqInit;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.TtqQuantizer;

/** Trained Ternary Quantization. */
final class TtqDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.TTQ;
    }

    @Override
    public String summary() {
        return "Trained Ternary Quantization (Zhu et al. 2017): {−W_n, 0, +W_p}, two learned scalars per layer "
                + "(initialised at 1.0), Δ = t·max|w̃| with t = `ttq-threshold`; scaled STE for the latents, autograd "
                + "derives dL/dW_p and dL/dW_n (with the minus sign the paper omits).";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return TtqQuantizer.factory(c.ttqThreshold());
    }

    @Override
    public FloatInit floatInit() {
        return new TtqInit();
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "w̃/max|w̃|", "±t", "W_p, W_n");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("log2 3", "the deployed weights", "W_p and W_n per layer");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return Ternary.BITS;
    }
}
