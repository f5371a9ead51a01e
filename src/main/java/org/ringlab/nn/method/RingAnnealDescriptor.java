package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunRing;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.RingQuantizer;

/** Ring-anneal: σ shrinks over training so that soft becomes snapped (a labelled repair). */
final class RingAnnealDescriptor extends RingFamilyDescriptor {

    @Override
    public Method method() {
        return Method.RING_ANNEAL;
    }

    @Override
    public String summary() {
        return "**Repaired variant, not in the paper.** σ shrinks geometrically from the ring's σ to "
                + "`anneal-sigma` over training (32 steps, σ_t = σ₀·(σ_f/σ₀)^t), so the soft network becomes the "
                + "snapped one by the end.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return RingQuantizer.factory(RunRing.of(c), RingQuantizer.Variant.ANNEAL, c.annealSigma());
    }

    @Override
    public LatentView latentView() {
        return new LatentView(LatentView.Kind.RING_POSITIONS, COORDINATE, LINES, "σ");
    }
}
