package org.ringlab.quant;

/**
 * What a ring really offers and how a set of positions really uses it: distinct levels, bits
 * (nominal, fixed-length over distinct levels, entropy of the snapped codes) and closeness of the
 * soft weights to ring values.
 */
public final class RingInspection {
    private final RingInterpolation interpolation;
    private final LevelSet levels;

    public RingInspection(Ring ring) {
        this.interpolation = new RingInterpolation(ring);
        this.levels = LevelSet.of(ring.values());
    }

    public Ring ring() {
        return interpolation.ring();
    }

    public LevelSet levels() {
        return levels;
    }

    /** What the published code prints: log2 of the slot count. */
    public double nominalBits() {
        return Math.log(ring().size()) / Math.log(2);
    }

    /** ceil(log2 of the distinct levels): the width a fixed-length code really needs. */
    public int distinctLevelBits() {
        return levels.fixedLengthBits();
    }

    /** How many snapped weights land on each distinct level (ascending level order). */
    public long[] levelHistogram(float[] positions) {
        long[] counts = new long[levels.count()];
        for (float p : positions) {
            counts[levels.indexOf(interpolation.hard(p))]++;
        }
        return counts;
    }

    /** Entropy of the snapped codes over distinct levels: the entropy-coded bound per weight. */
    public double codeEntropyBits(float[] positions) {
        return BitAccounting.entropyBits(levelHistogram(positions));
    }

    /** Share of soft weights within {@code epsilon} of some ring value. */
    public double shareNearRingValue(float[] positions, double epsilon) {
        if (positions.length == 0) {
            return 0;
        }
        float[] lv = levels.levels();
        long near = 0;
        for (float p : positions) {
            double w = interpolation.soft(p);
            for (float v : lv) {
                if (Math.abs(w - v) <= epsilon) {
                    near++;
                    break;
                }
            }
        }
        return (double) near / positions.length;
    }
}
