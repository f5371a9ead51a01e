package org.ringlab.interop;

import org.ringlab.quant.BitAccounting;
import org.ringlab.quant.LevelSet;

/** Sums the per-weight quantities of {@link SnapStatistics} over any number of weights. */
final class SnapAccumulator {
    private final LevelSet levels;
    private final float[] values;
    private final long[] counts;
    private long n;
    private long near;
    private long loose;
    private long negative;
    private double errorSq;
    private double softSq;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    SnapAccumulator(LevelSet levels) {
        this.levels = levels;
        this.values = levels.levels();
        this.counts = new long[levels.count()];
    }

    void add(double soft, float snapped) {
        n++;
        double distance = Double.POSITIVE_INFINITY;
        for (float level : values) {
            distance = Math.min(distance, Math.abs(soft - level));
        }
        near += distance <= 0.01 ? 1 : 0;
        loose += distance <= 0.05 ? 1 : 0;
        negative += soft < 0 ? 1 : 0;
        errorSq += (soft - snapped) * (soft - snapped);
        softSq += soft * soft;
        min = Math.min(min, soft);
        max = Math.max(max, soft);
        counts[levels.indexOf(snapped)]++;
    }

    void addAll(SnapAccumulator other) {
        n += other.n;
        near += other.near;
        loose += other.loose;
        negative += other.negative;
        errorSq += other.errorSq;
        softSq += other.softSq;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    SnapStatistics result(String name) {
        double total = Math.max(n, 1);
        return new SnapStatistics(name, n, near / total, loose / total,
                softSq == 0 ? 0 : Math.sqrt(errorSq / softSq), negative / total, min, max,
                levels.levels(), counts, BitAccounting.entropyBits(counts), levels.fixedLengthBits());
    }
}
