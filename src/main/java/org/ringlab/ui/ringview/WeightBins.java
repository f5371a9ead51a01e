package org.ringlab.ui.ringview;

import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInterpolation;
import org.ringlab.train.LayerSnapshot;

/**
 * Equal-width bins over the ring's value range [min r, max r], filled with the soft weights that a
 * position histogram implies. A position bin covers a range of p and so a range of w: its count is
 * spread evenly over {@link #SAMPLES_PER_BIN} points across it, or a ring with few bins (n·m below
 * the number of weight bins) would leave empty weight bins where weights certainly exist.
 *
 * <p>Every soft weight is a convex blend of ring values, so the range holds them all. A ring of a
 * single level (sine-2: sin 0 and sin π differ only by float rounding) gets a unit-wide range around
 * it so that the bins keep a sensible width.
 */
public final class WeightBins {
    static final int SAMPLES_PER_BIN = 16;

    private final Ring ring;
    private final int count;
    private final double min;
    private final double max;

    private WeightBins(Ring ring, int count, double min, double max) {
        this.ring = ring;
        this.count = count;
        this.min = min;
        this.max = max;
    }

    public static WeightBins forRing(Ring ring, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one weight bin, got " + count);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : ring.values()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi - lo <= LevelSet.DEFAULT_TOLERANCE) {
            double mid = (lo + hi) / 2;
            lo = mid - 0.5;
            hi = mid + 0.5;
        }
        return new WeightBins(ring, count, lo, hi);
    }

    public int count() {
        return count;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The bin of weight w; the top edge belongs to the last bin. */
    public int binOf(double w) {
        int i = (int) Math.floor((w - min) / (max - min) * count);
        return Math.max(0, Math.min(count - 1, i));
    }

    private static double wrap(double p) {
        return p - Math.floor(p);
    }

    /** Soft-weight counts of a snapshot taken on this ring. */
    public long[] countSoftWeights(LayerSnapshot snapshot) {
        if (snapshot.ringSize() != ring.size()) {
            throw new IllegalArgumentException("snapshot of layer " + snapshot.layer() + " has " + snapshot.ringSize()
                    + " slots but the ring has " + ring.size());
        }
        RingGeometry geometry = RingGeometry.of(snapshot);
        // the exact soft weight: the lookup table's interpolation error is far below a bin's width
        RingInterpolation interpolation = new RingInterpolation(ring);
        int[] histogram = snapshot.histogram();
        double width = 1.0 / histogram.length;
        long[] counts = new long[count];
        for (int j = 0; j < histogram.length; j++) {
            int c = histogram[j];
            if (c == 0) {
                continue;
            }
            double start = geometry.binCentrePosition(j) - width / 2;
            // the remainder goes to the samples nearest the centre first
            for (int k = 0; k < SAMPLES_PER_BIN; k++) {
                int sample = (SAMPLES_PER_BIN / 2 + (k % 2 == 0 ? k / 2 : -(k + 1) / 2)) % SAMPLES_PER_BIN;
                long share = c / SAMPLES_PER_BIN + (k < c % SAMPLES_PER_BIN ? 1 : 0);
                if (share > 0) {
                    double p = start + (sample + 0.5) * width / SAMPLES_PER_BIN;
                    counts[binOf(interpolation.softExact(wrap(p)))] += share;
                }
            }
        }
        return counts;
    }
}
