package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLatentInit;
import org.ringlab.nn.quantizer.ClusteredQuantizer;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** Single-level quantization (SLQ): k-means levels and an incremental, partly INFERRED, freezing schedule. */
final class SlqDescriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.SLQ;
    }

    @Override
    public String summary() {
        return "SLQ (Xu et al. AAAI 2018; official Caffe code): K = 2^(b−1)+1 levels per layer from 1-D k-means "
                + "(power-of-two start, 10 Lloyd iterations, zero fixed) [CODE]; a growing share of the weights is "
                + "frozen at its level while the rest trains in float (masked gradient, no STE). **INFERRED**: the "
                + "schedule (`slq-stages` stages, share 1 − 2^−s) and the order, whole clusters by lowest "
                + "quantization loss [RECALLED].";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return ClusteredQuantizer.slq(c.bits(), c.slqStages());
    }

    @Override
    public FloatInit floatInit() {
        return new FloatLatentInit(false, "SLQ: latent W; k-means with power-of-two initial centroids on the "
                + "pretrained weights at the first forward (CODE)");
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.FLOAT_LATENT, "w/max|c|",
                "the layer's k-means levels c_k (zero exact); frozen weights sit on them", "frozen share, stage");
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("b", "the level index 0 … 2^(b−1) (every weight snapped: frozen ones to their level, "
                + "free ones to the nearest)", "the K − 1 non-zero levels per layer");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return c.bits();
    }
}
