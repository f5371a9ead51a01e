package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
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
        return "BitNet b1.58 absmean ternary (Ma et al. 2024): γ = mean|W| per tensor, "
                + "RoundClip(W/(γ+ε), −1, 1)·γ, STE; zero band |w| < γ/2. Activations stay float. Optional: an "
                + "RMSNorm on each quantized layer's input, a λ warm-up w + λ·stop(Q(w) − w), layer by layer.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return BitNetQuantizer.factory(c.bitnetRmsnorm(), c.bitnetWarmup(), c.bitnetLayerwise());
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
