package org.ringlab.nn.init;

import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.quantizer.TtqQuantizer;

/**
 * TTQ from FP32 weights: the latent is W/max|W| per layer [CODE: tensorpack {@code ternarize},
 * TropComplique {@code initial_scales}], and W_p, W_n are the means of the normalised weights above Δ
 * and of |normalised weights| below −Δ, a refinement with a lower initial error than the
 * code's 1.0 [INFERRED]. The deployed weights then approximate W/max|W|: a following BatchNorm
 * absorbs the factor; without one W_p and W_n are multiplied back by max|W|.
 */
public final class TtqInit implements FloatInit {

    @Override
    public double initialise(QuantizedLayer layer, FloatLayer source, boolean rescalable) {
        if (!(layer.quantizer() instanceof TtqQuantizer ttq)) {
            throw new IllegalArgumentException(layer.layerName() + " is not a TTQ layer");
        }
        float[] w = source.weight();
        double top = source.maxAbs();
        double m = top > 0 ? top : 1;
        double delta = ttq.threshold();
        double sumP = 0;
        double sumN = 0;
        int countP = 0;
        int countN = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (w[i] / m);
            if (w[i] > delta) {
                sumP += w[i];
                countP++;
            } else if (w[i] < -delta) {
                sumN -= w[i];
                countN++;
            }
        }
        double wp = countP > 0 ? sumP / countP : 1;
        double wn = countN > 0 ? sumN / countN : 1;
        double scale = rescalable ? m : 1;
        double back = rescalable ? 1 : m;
        Fill.write(ttq.latent(), w);
        Fill.write(ttq.positiveScale(), (float) (wp * back));
        Fill.write(ttq.negativeScale(), (float) (wn * back));
        return scale;
    }

    @Override
    public String rule() {
        return "TTQ: latent W/max|W| (CODE), W_p, W_n = mean normalised |w| beyond ±Δ (INFERRED refinement of "
                + "the code's 1.0); 1/max|W| absorbed by the next BatchNorm";
    }
}
