package org.ringlab.train;

import java.util.List;
import java.util.Map;

/**
 * A quantized layer's latent coordinate at one moment (w/Δ for ternary methods, v/s for LSQ,
 * log2|w| for power-of-two, ...; docs/methods/latents.md#latent-coordinate), binned on a fixed axis, with the method's
 * reference lines, its deployed-code statistics and its scalars. Immutable.
 *
 * @param coordinate what the axis shows, e.g. "w/Δ"
 * @param min left edge of the first bin (lower values are counted in it)
 * @param max right edge of the last bin (higher values are counted in it)
 * @param bins counts of equal-width bins over [min, max]
 * @param lines reference lines (thresholds, the integer or exponent grid)
 * @param inferred true when the method is partly inferred (power-of-two after Badar 2025)
 * @param codeCounts deployed weights per distinct code, ascending
 * @param codeChangeRate share of weights whose code changed since the previous snapshot (NaN at first)
 * @param codeEntropyBits entropy of the deployed codes
 * @param scalars the method's scalars (W_p, W_n, step s, λ, slope k, σ)
 */
@SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
public record LatentHistogram(String coordinate, double min, double max, int[] bins, List<Line> lines,
        boolean inferred, long[] codeCounts, double codeChangeRate, double codeEntropyBits,
        Map<String, Double> scalars) {

    /** A labelled vertical line at a latent value. */
    public record Line(double at, String label) {
    }

    public LatentHistogram {
        bins = bins.clone();
        lines = List.copyOf(lines);
        codeCounts = codeCounts.clone();
        scalars = Map.copyOf(scalars);
    }

    @Override
    public int[] bins() {
        return bins.clone();
    }

    @Override
    public long[] codeCounts() {
        return codeCounts.clone();
    }

    /** The width of one bin, in latent units. */
    public double binWidth() {
        return (max - min) / bins.length;
    }
}
