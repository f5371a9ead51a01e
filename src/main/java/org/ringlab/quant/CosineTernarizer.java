package org.ringlab.quant;

import java.util.Arrays;

/**
 * The cosine-optimal ternary vector of each row (filter) of a weight tensor, as the public "TNT" module computes it
 * ({@code similar_cos}, {@code order_vec}, {@code scaling1} [CODE]; docs/methods.md#hla): with |w| sorted in
 * descending order a_(1) ≥ a_(2) ≥ …, the support size k* = argmax_k (Σ_{i≤k} a_(i))/√k maximises cos(w, t) for
 * t = sign(w)·1[|w| ≥ a_(k*)], and the row's scale is s = ‖w‖/‖t‖.
 */
public final class CosineTernarizer {
    private CosineTernarizer() {
    }

    /**
     * Per row: the threshold Δ = a_(k*) (+∞ for an all-zero row, which stays zero), the scale s = ‖w‖/‖t‖ (0 for
     * an all-zero row) and the cosine cos(w, t) reached (0 for an all-zero row).
     */
    @SuppressWarnings("ArrayRecordComponent") // arrays held as they are; nothing compares it by value
    public record Result(float[] thresholds, float[] scales, float[] cosines) {
    }

    /**
     * @param w the weights, row-major, {@code rows} rows of equal length
     * @throws IllegalArgumentException when the length is not a multiple of {@code rows}
     */
    public static Result of(float[] w, int rows) {
        if (rows <= 0 || w.length % rows != 0) {
            throw new IllegalArgumentException(w.length + " weights do not split into " + rows + " rows");
        }
        int n = w.length / rows;
        float[] thresholds = new float[rows];
        float[] scales = new float[rows];
        float[] cosines = new float[rows];
        float[] a = new float[n];
        for (int r = 0; r < rows; r++) {
            double squares = 0;
            for (int i = 0; i < n; i++) {
                a[i] = Math.abs(w[r * n + i]);
                squares += (double) a[i] * a[i];
            }
            if (squares == 0) {
                thresholds[r] = Float.POSITIVE_INFINITY;
                continue;
            }
            Arrays.sort(a);
            double sum = 0;
            double best = -1;
            int bestK = 1;
            for (int k = 1; k <= n; k++) {
                sum += a[n - k];
                double ratio = sum / Math.sqrt(k);
                if (ratio > best) {
                    best = ratio;
                    bestK = k;
                }
            }
            float threshold = a[n - bestK];
            // ties at the threshold join the support, as 1[|w| ≥ Δ] has it
            int kept = 0;
            double keptSum = 0;
            for (int i = 0; i < n; i++) {
                if (a[i] >= threshold) {
                    kept++;
                    keptSum += a[i];
                }
            }
            double norm = Math.sqrt(squares);
            thresholds[r] = threshold;
            scales[r] = (float) (norm / Math.sqrt(kept));
            cosines[r] = (float) (keptSum / (Math.sqrt(kept) * norm));
        }
        return new Result(thresholds, scales, cosines);
    }
}
