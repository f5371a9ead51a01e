package org.ringlab.quant;

import java.util.Arrays;

/**
 * The distinct values of a set of levels, merged within a tolerance: the reference ring's mirrored
 * slots differ in the last bit (0x3EAAAAAC vs 0x3EAAAAA8), so bit-exact counting would overstate them.
 */
public final class LevelSet {
    /** The tolerance for counting levels (docs/methods/bits.md#distinct-levels). */
    public static final double DEFAULT_TOLERANCE = 1e-5;

    private final float[] levels;
    private final double tolerance;

    private LevelSet(float[] levels, double tolerance) {
        this.levels = levels;
        this.tolerance = tolerance;
    }

    public static LevelSet of(float[] values) {
        return of(values, DEFAULT_TOLERANCE);
    }

    /** Sorts the values and merges neighbours closer than {@code tolerance} to the group's first. */
    public static LevelSet of(float[] values, double tolerance) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        float[] distinct = new float[sorted.length];
        int count = 0;
        for (float v : sorted) {
            if (count == 0 || v - distinct[count - 1] > tolerance) {
                distinct[count++] = v;
            }
        }
        return new LevelSet(Arrays.copyOf(distinct, count), tolerance);
    }

    public int count() {
        return levels.length;
    }

    /** The distinct levels in ascending order. */
    public float[] levels() {
        return levels.clone();
    }

    /** Index of the level a value belongs to, or −1 when it is none of them. */
    public int indexOf(float value) {
        int lo = 0;
        int hi = levels.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Math.abs(levels[mid] - value) <= tolerance) {
                return mid;
            }
            if (levels[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Fixed-length code width: ceil(log2 L); 0 when every weight is the same constant. */
    public int fixedLengthBits() {
        return BitAccounting.fixedLengthBits(levels.length);
    }

    /** Ideal packing width: log2 L. */
    public double idealBits() {
        return levels.length <= 1 ? 0.0 : Math.log(levels.length) / Math.log(2);
    }
}
