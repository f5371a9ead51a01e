package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.HitNetQuantizer;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** HitNet's threshold-ternary weights (its activations are an activation quantizer). */
final class HitNetDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.HITNET;
    }

    @Override
    public String summary() {
        return "HitNet's weights (Wang et al. NeurIPS 2018, hybrid ternary RNN): threshold ternary per matrix, "
                + "α·sign(W)·1[|W| > Δ], STE. **INFERRED**: the assignment is RECALLED and the constants "
                + "(Δ = 0.7·mean|W|, α = mean|W| above Δ) are TWN's; no code or full text was at hand. Its "
                + "Bernoulli-ternary activations are an activation quantizer.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return HitNetQuantizer.factory();
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "HitNet: latent W; Δ = 0.7·mean|W| and α recomputed at every step "
                + "(INFERRED), nothing to set");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "w/Δ", "±1: the threshold ±Δ; ±α/Δ: the levels", "Δ, α");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("log2 3", "the ternary code −1/0/+1 before scaling", "one α per weight matrix");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return Ternary.BITS;
    }
}
