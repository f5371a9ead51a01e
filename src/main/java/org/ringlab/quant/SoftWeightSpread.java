package org.ringlab.quant;

/**
 * Maps a slot-aligned position histogram (n slots × m sub-bins, bin j centred on
 * u = (j + ½)/m − ½) to the soft weights it implies, over equal-width weight bins spanning the
 * ring's value range. A position bin covers a range of p and so of w: its count is spread over
 * {@link #SAMPLES_PER_BIN} points across it, or coarse snapshots would leave empty weight bins
 * where weights certainly are. The sample → weight-bin table is computed once per shape.
 */
public final class SoftWeightSpread {
    public static final int SAMPLES_PER_BIN = 16;

    private final double min;
    private final double max;
    private final int weightBins;
    /** [position bin][sample] → weight bin. */
    private final int[][] target;

    public SoftWeightSpread(Ring ring, int subBins, int weightBins) {
        if (weightBins < 1 || subBins < 1) {
            throw new IllegalArgumentException("need at least one weight bin and one sub-bin");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : ring.values()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        // every soft weight is a convex blend of ring values; a single-level ring (sine-2) still
        // needs bins of a sensible width
        if (hi - lo <= LevelSet.DEFAULT_TOLERANCE) {
            double mid = (lo + hi) / 2;
            lo = mid - 0.5;
            hi = mid + 0.5;
        }
        this.min = lo;
        this.max = hi;
        this.weightBins = weightBins;
        int n = ring.size();
        int positionBins = n * subBins;
        double width = 1.0 / positionBins;
        RingLookupTable table = RingLookupTable.of(ring);
        target = new int[positionBins][SAMPLES_PER_BIN];
        for (int j = 0; j < positionBins; j++) {
            double start = ((j + 0.5) / subBins - 0.5) / n - width / 2;
            for (int s = 0; s < SAMPLES_PER_BIN; s++) {
                double p = start + (s + 0.5) * width / SAMPLES_PER_BIN;
                target[j][s] = binOf(table.soft(p - Math.floor(p)));
            }
        }
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public int weightBins() {
        return weightBins;
    }

    /** The weight bin of w; the top edge belongs to the last bin. */
    public int binOf(double w) {
        int i = (int) Math.floor((w - min) / (max - min) * weightBins);
        return Math.max(0, Math.min(weightBins - 1, i));
    }

    /** The weight bin that sample {@code sample} of position bin {@code positionBin} falls in. */
    public int target(int positionBin, int sample) {
        return target[positionBin][sample];
    }

    public int positionBins() {
        return target.length;
    }

    /** Fractional counts: each position bin's count divided evenly among its samples. */
    public double[] spread(int[] positionHistogram) {
        checkLength(positionHistogram);
        double[] counts = new double[weightBins];
        for (int j = 0; j < positionHistogram.length; j++) {
            if (positionHistogram[j] != 0) {
                double share = (double) positionHistogram[j] / SAMPLES_PER_BIN;
                for (int s = 0; s < SAMPLES_PER_BIN; s++) {
                    counts[target[j][s]] += share;
                }
            }
        }
        return counts;
    }

    /** Whole counts: as {@link #spread}, with each bin's remainder going to its central samples first. */
    public long[] spreadWhole(int[] positionHistogram) {
        checkLength(positionHistogram);
        long[] counts = new long[weightBins];
        for (int j = 0; j < positionHistogram.length; j++) {
            int c = positionHistogram[j];
            for (int k = 0; k < SAMPLES_PER_BIN && c > 0; k++) {
                int sample = (SAMPLES_PER_BIN / 2 + (k % 2 == 0 ? k / 2 : -(k + 1) / 2)) % SAMPLES_PER_BIN;
                int share = c / SAMPLES_PER_BIN + (k < c % SAMPLES_PER_BIN ? 1 : 0);
                counts[target[j][sample]] += share;
            }
        }
        return counts;
    }

    private void checkLength(int[] histogram) {
        if (histogram.length != target.length) {
            throw new IllegalArgumentException("a histogram of " + histogram.length + " bins for a ring of "
                    + target.length + " position bins");
        }
    }
}
