package org.ringlab.nn.init;

import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.RingLayer;

/**
 * The ring methods from FP32 weights (docs/methods/training.md#starting-from-a-pretrained-network; INFERRED
 * throughout, see {@link RingInversion}):
 * a per-layer scale s from a grid search, then each weight's position on its nearest node's arc whose
 * soft value is closest to W/s (and the same for ring-valued biases, b/s). The 1/s is absorbed by the
 * following BatchNorm (running mean / s, running variance / s²), so it costs no side information. A
 * layer with no BatchNorm after it keeps s = 1: the ring layer has no place for a float scale in this
 * version, so its weights are clipped to the ring's range instead (the relative error the run reports
 * shows what that costs).
 */
public final class RingInit implements FloatInit {

    @Override
    public double initialise(QuantizedLayer layer, FloatLayer source, boolean rescalable) {
        if (!(layer instanceof RingLayer ring)) {
            throw new IllegalArgumentException(layer.layerName() + " is not a ring layer");
        }
        RingInversion inversion = new RingInversion(ring.ring());
        float[] w = source.weight();
        double s = rescalable ? inversion.searchScale(w) : 1;
        Fill.write(ring.positions(), inversion.positions(w, s));
        if (ring.biasPositions() != null) {
            float[] b = source.bias();
            if (b == null) {
                b = new float[(int) ring.biasPositions().getArray().size()];
            }
            Fill.write(ring.biasPositions(), inversion.positions(b, s));
        }
        return s;
    }

    @Override
    public String rule() {
        return "ring: scale s searched over [0.3, 1.5]·max|W|, nearest node, inversion on its arc; 1/s absorbed "
                + "by the next BatchNorm, s = 1 where none follows (INFERRED)";
    }
}
