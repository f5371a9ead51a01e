package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.AdmmQuantizer;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** ADMM quantization (Leng et al. 2018). */
final class AdmmDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.ADMM;
    }

    @Override
    public String summary() {
        return "ADMM (Leng et al. 2018): continuous weights W trained with CE + (ρ/2)·‖W − G + λ‖²; every "
                + "`admm-every` epochs G ← Π(W + λ) onto α·Q (`admm-set`: binary, ternary, {0,±1,±2}, {0,±1,±2,±4}; "
                + "α per layer by alternating codes and α) and λ ← λ + W − G. No STE: soft is W, **snapped is the "
                + "projection Π(W)**. ρ = `admm-rho` ×1.1 per update, capped at 1 (our default).";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return AdmmQuantizer.factory(c.admmSet(), c.admmRho(), c.admmEvery(), c.epochs());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "ADMM: W⁰ = W; G⁰ = Π(W) (α from mean|W|, then alternating codes and α); "
                + "λ⁰ = 0 (CODE, public ADMM/SLR implementation)");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "w/α", "the set's levels q and the midpoints between "
                + "them (decision boundaries), α the scale of Π(W)", "α, ρ, primal residual ‖W − G‖/‖W‖, codes "
                + "changed and dual residual ρ‖ΔG‖ at each G-step");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("log2 L (L = 2, 3, 5, 7 levels)", "the integer level q of Π(W)", "one α per layer");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return c.admmSet().informationBits();
    }
}
