package org.ringlab.train;

import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.data.ImageDataSet;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.ModelSpec;
import org.ringlab.nn.quantizer.BitNetQuantizer;
import org.ringlab.nn.quantizer.DoReFaQuantizer;
import org.ringlab.nn.quantizer.LsqQuantizer;
import org.ringlab.nn.quantizer.PowerOfTwoQuantizer;
import org.ringlab.nn.quantizer.TequilaQuantizer;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.RingQuantizer;
import org.ringlab.nn.quantizer.TtqQuantizer;
import org.ringlab.nn.quantizer.TwnQuantizer;
import org.ringlab.quant.Ring;

/** Maps a run configuration and its data onto a model specification. */
public final class ModelBuilder {
    private ModelBuilder() {
    }

    public static ModelSpec spec(RunConfig c, int channels, int height, int width, int classes) {
        Ring ring = c.usesRing() ? ring(c) : null;
        ModelKind arch = c.model();
        boolean batchNorm = arch.isResNet() || c.batchNorm();
        return new ModelSpec(arch, channels, height, width, classes, ring, c.effectiveRingBias(), batchNorm,
                c.quantizeFirst(), c.quantizeLast(), quantizer(c));
    }

    /** The run's ring (config and quant keep separate enums so that neither depends on the other). */
    public static Ring ring(RunConfig c) {
        return Ring.of(c.ringType(), c.ringSize(), c.ringMode(),
                c.effectiveSigma());
    }

    /** The quantizer factory of the run's method; null for FP32. */
    public static QuantizerFactory quantizer(RunConfig c) {
        return switch (c.method()) {
            case FP32 -> null;
            case RING -> RingQuantizer.factory(ring(c), RingQuantizer.Variant.REFERENCE, 0);
            case RING_STE -> RingQuantizer.factory(ring(c), RingQuantizer.Variant.STE, 0);
            case RING_ANNEAL -> RingQuantizer.factory(ring(c), RingQuantizer.Variant.ANNEAL, c.annealSigma());
            case TWN -> TwnQuantizer.factory(c.twnVariant());
            case TTQ -> TtqQuantizer.factory(c.ttqThreshold());
            case BITNET -> BitNetQuantizer.factory(c.bitnetRmsnorm(), c.bitnetWarmup(), c.bitnetLayerwise());
            case TEQUILA -> TequilaQuantizer.factory(c.tequilaGroup(), c.tequilaLambda());
            case LSQ -> LsqQuantizer.factory(c.bits());
            case DOREFA -> DoReFaQuantizer.factory(c.bits());
            case POW2 -> PowerOfTwoQuantizer.factory(c.bits(), c.pow2Slope());
        };
    }

    /** The human label of the run's method, e.g. "TWN (paper, Δ=0.7·mean|W| per layer)". */
    public static String methodLabel(RunConfig c) {
        QuantizerFactory f = quantizer(c);
        return f == null ? "FP32 baseline" : f.label();
    }

    public static BuiltModel build(RunConfig c, ImageDataSet data) {
        return ModelFactory.build(spec(c, data.channels(), data.height(), data.width(), data.numClasses()));
    }
}
