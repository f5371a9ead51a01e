package org.ringlab.train;

/**
 * One quantized layer at one moment, reduced to what a view or a file needs. For a ring layer the
 * ring fields describe its positions; for any other method they are empty (ring size 0,
 * no histogram), {@code slotCounts} holds the deployed-code counts and {@link #latent()} the latent
 * coordinate's histogram.
 *
 * <p>The histogram has {@code ringSize × subBins} bins aligned to the ring's slots: slot k owns bins
 * k·m … k·m+m−1, centred on p = k/n, so the picture never needs re-binning.
 *
 * @param histogram position counts, slot-aligned (see above)
 * @param slotCounts snapped weights per slot
 * @param slotChangeRate share of positions whose snapped slot changed since the previous snapshot
 *     (NaN for the first snapshot)
 * @param codeEntropyBits entropy of the snapped codes over distinct ring values
 * @param shareNearRingValue share of soft weights within ε = 0.01 of a ring value (NaN without a ring)
 * @param latent the latent histogram of a non-ring method (and of ring-anneal, for σ); null otherwise
 */
@SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
public record LayerSnapshot(String layer, int ringSize, int subBins, long positions, int[] histogram,
        long[] slotCounts, double slotChangeRate, double codeEntropyBits, double shareNearRingValue,
        LatentHistogram latent) {

    /** A ring layer's snapshot. */
    public LayerSnapshot(String layer, int ringSize, int subBins, long positions, int[] histogram, long[] slotCounts,
            double slotChangeRate, double codeEntropyBits, double shareNearRingValue) {
        this(layer, ringSize, subBins, positions, histogram, slotCounts, slotChangeRate, codeEntropyBits,
                shareNearRingValue, null);
    }

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
