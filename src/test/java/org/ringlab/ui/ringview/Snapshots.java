package org.ringlab.ui.ringview;

import org.ringlab.train.LayerSnapshot;

/** Layer snapshots made up for tests. */
final class Snapshots {
    private Snapshots() {
    }

    /** {@code count} positions all in histogram bin {@code bin}, with slot counts to match. */
    static LayerSnapshot allInBin(String layer, int ringSize, int subBins, int bin, int count) {
        int[] histogram = new int[ringSize * subBins];
        histogram[bin] = count;
        long[] slots = new long[ringSize];
        slots[bin / subBins] = count;
        return new LayerSnapshot(layer, ringSize, subBins, count, histogram, slots, 0.0, 0.0, 1.0);
    }

    /** A snapshot with the given histogram, slot counts summed from it. */
    static LayerSnapshot withHistogram(String layer, int ringSize, int subBins, int[] histogram) {
        long[] slots = new long[ringSize];
        long total = 0;
        for (int j = 0; j < histogram.length; j++) {
            slots[j / subBins] += histogram[j];
            total += histogram[j];
        }
        return new LayerSnapshot(layer, ringSize, subBins, total, histogram, slots, 0.0, 0.0, 0.0);
    }

    static LayerSnapshot empty(String layer, int ringSize, int subBins) {
        return new LayerSnapshot(layer, ringSize, subBins, 0, new int[ringSize * subBins], new long[ringSize],
                Double.NaN, 0.0, 0.0);
    }
}
