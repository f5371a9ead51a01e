package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.ClusteredQuantizer;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** Multiple-level quantization (MLQ), ternary: INFERRED from the abstract and a third-party note. */
final class MlqDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.MLQ;
    }

    @Override
    public String summary() {
        return "MLQ (Xu et al. AAAI 2018), ternary, **INFERRED** (only the abstract and a third-party note are "
                + "known): 3-level k-means {c−, 0, c+} per layer (may be asymmetric); weights nearest their level "
                + "are frozen first, stage by stage (`slq-stages`), and layer group by layer group from the input "
                + "(`mlq-groups`, incremental layer compensation) while the rest trains in float.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return ClusteredQuantizer.mlq(c.slqStages(), c.mlqGroups());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "MLQ: latent W; 3-level k-means on the pretrained weights at the first "
                + "forward, staged (INFERRED)");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "w/max|c|", "the levels c−, 0, c+", "frozen share, stage");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("log2 3", "the level index of {c−, 0, c+}", "the two non-zero levels per layer");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return Ternary.BITS;
    }
}
