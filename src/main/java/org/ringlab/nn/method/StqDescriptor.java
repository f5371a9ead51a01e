package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.StqQuantizer;

/** STQ / adaptive binary-ternary quantization (INFERRED regulariser). */
final class StqDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.STQ;
    }

    @Override
    public String summary() {
        return "STQ / adaptive binary-ternary (Morin, Razani, Partovi Nia, Sari 2019): each layer is binary α·{±1} "
                + "or ternary α·{0,±1} (threshold α/2), learned α, STE. **INFERRED** (only the abstract is known): the "
                + "regulariser η·Σ min((|w| − α)², w² + (1 − β)·1.5·α²)/N with η ramped to `stq-eta` over the first "
                + "30 %, and the once-per-epoch depth switch on the reconstruction-error gain (up > 0.25 with > 5 % "
                + "small weights, down < 0.10). Each layer's depth is in its snapshot scalars.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return StqQuantizer.factory(c.stqEta(), c.epochs());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "STQ: latent W; α = mean|W| (binary L2-optimal), every layer starts ternary "
                + "(INFERRED)");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "w/α", "−1, 0, +1 and ±½ (the ternary thresholds) "
                + "(INFERRED)", "α, depth (1 binary, 2 ternary), share of |w| < α/2, η");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("1 (binary layer) or log2 3 (ternary layer), weighted by weights",
                "the code ±1 or −1/0/+1 before scaling", "α and the depth flag per layer (the flag counted as a float)");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return Ternary.BITS;
    }
}
