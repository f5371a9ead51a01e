package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.TequilaQuantizer;

/** Tequila: grouped ternary weights with the dead zone reused as a bias. */
final class TequilaDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.TEQUILA;
    }

    @Override
    public String summary() {
        return "Tequila (Huang et al. 2025): ternary with α per group of G = `tequila-group` consecutive inputs of "
                + "one output row (Δ = α/2), and the dead-zone weights reused as a per-output dynamic bias C_o = "
                + "λ·Σ_dead w (λ = `tequila-lambda`), fused into the bias at inference (kept in the snapped model). "
                + "Rows shorter than G, or not a multiple of it, end in a short group.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return TequilaQuantizer.factory(c.tequilaGroup(), c.tequilaLambda());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "Tequila: latent W; α and Δ recomputed from w at every step (no rule in the sources: "
                + "treated like TWN, INFERRED)");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "w/α_g", "±½ (dead zone), ±1", "–");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("log2 3", "the ternary code −1/0/+1 before scaling", "one α per group plus one fused bias per output");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return Ternary.BITS;
    }
}
