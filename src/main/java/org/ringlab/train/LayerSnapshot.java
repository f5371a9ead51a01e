package org.ringlab.train;

/**
 * The positions of one ring layer at one moment, reduced to what a view or a file needs.
 *
 * <p>The histogram has {@code ringSize × subBins} bins aligned to the ring's slots: slot k owns bins
 * k·m … k·m+m−1, centred on p = k/n, so the picture never needs re-binning.
 *
 * @param histogram position counts, slot-aligned (see above)
 * @param slotCounts snapped weights per slot
 * @param slotChangeRate share of positions whose snapped slot changed since the previous snapshot
 *     (NaN for the first snapshot)
 * @param codeEntropyBits entropy of the snapped codes over distinct ring values
 * @param shareNearRingValue share of soft weights within ε = 0.01 of a ring value
 */
public record LayerSnapshot(String layer, int ringSize, int subBins, long positions, int[] histogram,
        long[] slotCounts, double slotChangeRate, double codeEntropyBits, double shareNearRingValue) {

    public LayerSnapshot {
        histogram = histogram.clone();
        slotCounts = slotCounts.clone();
    }

    @Override
    public int[] histogram() {
        return histogram.clone();
    }

    @Override
    public long[] slotCounts() {
        return slotCounts.clone();
    }
}
