package org.ringlab.quant;

import java.util.Arrays;

/**
 * How often each distinct code occurs in a tensor, with codes merged within a tolerance exactly as
 * {@link LevelSet} merges them (a value joins the group whose first value it is within tolerance of).
 */
public final class CodeHistogram {
    private final float[] levels;
    private final long[] counts;
    private final double tolerance;

    private CodeHistogram(float[] levels, long[] counts, double tolerance) {
        this.levels = levels;
        this.counts = counts;
        this.tolerance = tolerance;
    }

    public static CodeHistogram of(float[] codes) {
        return of(codes, LevelSet.DEFAULT_TOLERANCE);
    }

    public static CodeHistogram of(float[] codes, double tolerance) {
        float[] sorted = codes.clone();
        Arrays.sort(sorted);
        float[] distinct = new float[sorted.length];
        long[] counts = new long[sorted.length];
        int n = 0;
        for (float v : sorted) {
            if (n == 0 || v - distinct[n - 1] > tolerance) {
                distinct[n++] = v;
            }
            counts[n - 1]++;
        }
        return new CodeHistogram(Arrays.copyOf(distinct, n), Arrays.copyOf(counts, n), tolerance);
    }

    /** L, the distinct codes used. */
    public int levels() {
        return levels.length;
    }

    /** The distinct codes, ascending (each group's first value). */
    public float[] levelValues() {
        return levels.clone();
    }

    /** Occurrences per level, in {@link #levelValues()} order. */
    public long[] counts() {
        return counts.clone();
    }

    /** ceil(log2 L): the fixed-length code width; 0 for a constant tensor (and for an empty one). */
    public int fixedLengthBits() {
        return levels.length == 0 ? 0 : BitAccounting.fixedLengthBits(levels.length);
    }

    /** The empirical code entropy, bits per weight. */
    public double entropyBits() {
        return BitAccounting.entropyBits(counts);
    }

    /** The level index of every code, in input order (the group it was merged into). */
    public int[] indexOf(float[] codes) {
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            // the last level whose first value is ≤ code + tol: the group the sorted merge put it in
            int lo = 0;
            int hi = levels.length - 1;
            int found = 0;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (levels[mid] <= codes[i]) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            out[i] = found;
        }
        return out;
    }

    public double tolerance() {
        return tolerance;
    }
}
