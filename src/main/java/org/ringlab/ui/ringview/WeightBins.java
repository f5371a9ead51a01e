package org.ringlab.ui.ringview;

import org.ringlab.quant.Ring;
import org.ringlab.quant.SoftWeightSpread;
import org.ringlab.train.LayerSnapshot;

/**
 * Equal-width bins over the ring's value range [min r, max r], filled with the soft weights that a
 * position histogram implies (see {@link SoftWeightSpread}, shared with the figure export).
 */
public final class WeightBins {
    private final Ring ring;
    private final int count;
    private SoftWeightSpread spread;

    private WeightBins(Ring ring, int count) {
        this.ring = ring;
        this.count = count;
        this.spread = new SoftWeightSpread(ring, 1, count);
    }

    public static WeightBins forRing(Ring ring, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one weight bin, got " + count);
        }
        return new WeightBins(ring, count);
    }

    public int count() {
        return count;
    }

    public double min() {
        return spread.min();
    }

    public double max() {
        return spread.max();
    }

    /** The bin of weight w; the top edge belongs to the last bin. */
    public int binOf(double w) {
        return spread.binOf(w);
    }

    /** Soft-weight counts of a snapshot taken on this ring. */
    public long[] countSoftWeights(LayerSnapshot snapshot) {
        if (snapshot.ringSize() != ring.size()) {
            throw new IllegalArgumentException("snapshot of layer " + snapshot.layer() + " has " + snapshot.ringSize()
                    + " slots but the ring has " + ring.size());
        }
        if (spread.positionBins() != snapshot.histogram().length) {
            spread = new SoftWeightSpread(ring, snapshot.subBins(), count);
        }
        return spread.spreadWhole(snapshot.histogram());
    }
}
