package org.ringlab.train;

import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunRing;
import org.ringlab.data.ImageDataSet;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.ModelSpec;
import org.ringlab.nn.activation.ActivationPlan;
import org.ringlab.nn.method.MethodRegistry;
import org.ringlab.nn.quantizer.QuantizerFactory;
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
                c.quantizeFirst(), c.quantizeLast(), quantizer(c), ActivationPlan.of(c));
    }

    /** The run's ring; see {@link RunRing}. */
    public static Ring ring(RunConfig c) {
        return RunRing.of(c);
    }

    /** The quantizer factory of the run's method (its descriptor in {@link MethodRegistry}); null for FP32. */
    public static QuantizerFactory quantizer(RunConfig c) {
        return MethodRegistry.of(c.method()).quantizer(c);
    }

    /** The full label of the run's method with its settings, e.g. "TWN (paper, Δ=0.7·mean|W| per layer)". */
    public static String methodLabel(RunConfig c) {
        return MethodRegistry.of(c.method()).label(c);
    }

    public static BuiltModel build(RunConfig c, ImageDataSet data) {
        return ModelFactory.build(spec(c, data.channels(), data.height(), data.width(), data.numClasses()));
    }
}
