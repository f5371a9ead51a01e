package org.ringlab.interop;

/**
 * How far a set of soft ring weights is from the ring values they would snap to (docs/methods/ring.md#checkpoints).
 *
 * @param name the layer name ("layer2.0.conv1"), or "total"
 * @param positions how many positions (weights)
 * @param withinOneHundredth share of soft weights within 0.01 of some ring value
 * @param withinOneTwentieth share of soft weights within 0.05 of some ring value
 * @param relativeL2 ‖soft − snapped‖ / ‖soft‖
 * @param negativeShare share of soft weights below zero
 * @param softMin the smallest soft weight
 * @param softMax the largest soft weight
 * @param levels the ring's distinct values, ascending (mirrored slots merged)
 * @param codeCounts how many weights snap to each of {@code levels}
 * @param entropyBits entropy of the snapped code histogram, the entropy-coded bound per weight
 * @param fixedLengthBits ceil(log2 of the number of distinct levels): what a fixed-width code stores
 */
@SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
public record SnapStatistics(String name, long positions, double withinOneHundredth, double withinOneTwentieth,
        double relativeL2, double negativeShare, double softMin, double softMax, float[] levels, long[] codeCounts,
        double entropyBits, int fixedLengthBits) {

    public SnapStatistics {
        levels = levels.clone();
        codeCounts = codeCounts.clone();
    }

    @Override
    public float[] levels() {
        return levels.clone();
    }

    @Override
    public long[] codeCounts() {
        return codeCounts.clone();
    }

    /** The number of weights that snap to {@code level} (within the level tolerance), 0 if it is none. */
    public long count(float level) {
        for (int i = 0; i < levels.length; i++) {
            if (Math.abs(levels[i] - level) <= 1e-5) {
                return codeCounts[i];
            }
        }
        return 0;
    }
}
