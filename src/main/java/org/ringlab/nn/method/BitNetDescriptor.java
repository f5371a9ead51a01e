package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.BitNetQuantizer;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** BitNet b1.58 absmean ternary weights. */
final class BitNetDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.BITNET;
    }

    @Override
    public String summary() {
        return "BitNet b1.58 absmean ternary (Ma et al. 2024): γ = mean|W| per tensor, RoundClip(W/(γ+ε), −1, "
                + "1)·γ, STE; zero band |w| < γ/2 (0.5·mean|W|, against TWN's 0.7). Activations stay float. "
                + "`bitnet-rmsnorm`: a parameter-free RMSNorm on each quantized layer's input (over channels per "
                + "pixel for convolutions, over features for linear layers), after Steinmetz et al. 2025. "
                + "`bitnet-warmup`: the share of training over which λ ramps linearly 0 → 1 in w_λ = w + λ·stop(Q(w) "
                + "− w) (0 = ternary from the first step; 0.1–0.2 is a suggestion, not from the paper). "
                + "`bitnet-layerwise`: the paper's gradual layer-wise schedule as a staggered ramp, layer l of L "
                + "ramping in the l-th of L equal stretches of the warm-up, from the input to the output (the order "
                + "is our choice). Each layer's λ is in its snapshot scalars.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return BitNetQuantizer.factory(c.bitnetRmsnorm(), c.bitnetWarmup(), c.bitnetLayerwise());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "BitNet b1.58: latent W; γ = mean|W| on the fly (CODE); λ ramps by bitnet-warmup; "
                + "an extra RMSNorm, if on, is not in the FP32 network");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "w/γ", "±½ (round boundaries), ±1", "γ, λ");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("log2 3", "the deployed weights", "γ per layer");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return Ternary.BITS;
    }
}
