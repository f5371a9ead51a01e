package org.ringlab.train;

import org.ringlab.config.RunConfig;
import org.ringlab.data.ImageDataSet;
import org.ringlab.nn.Architecture;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.ModelSpec;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/** Maps a run configuration and its data onto a model specification. */
public final class ModelBuilder {
    private ModelBuilder() {
    }

    public static ModelSpec spec(RunConfig c, int channels, int height, int width, int classes) {
        Ring ring = c.usesRing() ? ring(c) : null;
        Architecture arch = Architecture.parse(c.model().name());
        boolean batchNorm = arch.isResNet() || c.batchNorm();
        return new ModelSpec(arch, channels, height, width, classes, ring, c.effectiveRingBias(), batchNorm,
                c.quantizeFirst(), c.quantizeLast());
    }

    /** The run's ring (config and quant keep separate enums so that neither depends on the other). */
    public static Ring ring(RunConfig c) {
        return Ring.of(RingType.valueOf(c.ringType().name()), c.ringSize(), RingMode.valueOf(c.ringMode().name()),
                c.effectiveSigma());
    }

    public static BuiltModel build(RunConfig c, ImageDataSet data) {
        return ModelFactory.build(spec(c, data.channels(), data.height(), data.width(), data.numClasses()));
    }
}
