package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.HlaQuantizer;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** Hyperspherical loss-aware ternary quantization (INFERRED recipe). */
final class HlaDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.HLA;
    }

    @Override
    public String summary() {
        return "HLA (Liu & Liu 2022): ternary by the cosine-optimal ternariser of each filter (support k* maximising "
                + "cos(w, t), scale ‖w‖/‖t‖; public TNT code), one scale per filter. **INFERRED** recipe (only the "
                + "abstract is known): stage 1 (`hla-stage1` of training) trains float weights with "
                + "γ·mean_f(1 − cos(w_f, T(w_f))), γ ramped to `hla-gamma`; stage 2 is the STE with its gradient "
                + "scaled by r = max(0.1, 4σ(1 − σ)), σ = sigmoid(τ(|w| − Δ_f)), τ growing ×10 over training.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return HlaQuantizer.factory(c.hlaGamma(), c.hlaStage1());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "HLA: stage 1 starts directly on the pretrained W; the ternariser has no "
                + "parameters (INFERRED)");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "|w|/Δ_f", "1: the filter's threshold Δ_f (INFERRED)",
                "mean cos(w, T(w)), share of zeros, γ, τ, stage");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("log2 3", "the ternary code −1/0/+1 before scaling",
                "one scale per filter (output channel or output row)");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return Ternary.BITS;
    }
}
