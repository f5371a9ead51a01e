package org.ringlab.nn.init;

import org.ringlab.nn.QuantizedLayer;

/**
 * Methods whose latent is a float weight of the layer's shape (TWN, BitNet, Tequila, LSQ, DoReFa,
 * power-of-two): the latent becomes W, and the quantizer's own {@code initialized} hook then sets
 * what depends on the initial weights (LSQ's step 2·mean|W|/√Q_P, from the LSQ README [CODE]).
 * Methods whose scales are recomputed from w at every step (TWN's α, BitNet's γ, Tequila's α,
 * power-of-two's scale) need nothing more.
 *
 * <p>With {@code fitScale} (DoReFa, whose deployed weights are tanh-normalised into [−1, 1] and so
 * lose W's magnitude) the layer's output scale is the least-squares c of W ≈ c·w_q, absorbed by the
 * following BatchNorm [INFERRED: the sources say only "recalibrate BN"].
 */
public final class FloatLatentInit implements FloatInit {
    private final boolean fitScale;
    private final String rule;

    public FloatLatentInit(boolean fitScale, String rule) {
        this.fitScale = fitScale;
        this.rule = rule;
    }

    @Override
    public double initialise(QuantizedLayer layer, FloatLayer source, boolean rescalable) {
        Fill.write(layer.quantizer().latent(), source.weight());
        layer.quantizer().initialized(Fill.values(layer));
        if (!fitScale || !rescalable) {
            return 1;
        }
        return Fill.leastSquaresScale(source.weight(), DeployedWeights.of(layer));
    }

    @Override
    public String rule() {
        return rule;
    }
}
