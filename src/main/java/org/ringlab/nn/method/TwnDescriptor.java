package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.TwnQuantizer;

/** Ternary Weight Networks. */
final class TwnDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.TWN;
    }

    @Override
    public String summary() {
        return "Ternary Weight Networks (Li & Liu 2016): W_t = α·sign(W)·1[|W| > Δ], STE; `twn-variant` "
                + "`paper` (Δ = 0.7·mean|W|, α per layer) or `repo` (official code: 0.75·mean|W|, α per output "
                + "channel).";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return TwnQuantizer.factory(c.twnVariant());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "TWN: latent W; Δ = 0.7·mean|W| and α recomputed from w at every step (part 1), nothing to set");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "w/Δ", "±1: the dead zone ±Δ", "–");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("log2 3", "the ternary code −1/0/+1 before scaling", "one α per layer (paper) or per output channel (repo)");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return Ternary.BITS;
    }
}
