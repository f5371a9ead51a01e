package org.ringlab.quant;

import java.util.Arrays;

/**
 * SLQ/MLQ's codebook (docs/methods/clustered.md): 1-D Lloyd k-means over a layer's weights with
 * power-of-two initial centroids and a zero level that never moves, as the official SLQ code does
 * ({@code kmeans.hpp}, yuhuixu1993/WLQ [CODE]); plus the freezing rules of the incremental schedule.
 *
 * <p>Levels are kept in the code's order: index 0 is the exact zero, then ±pairs from the largest
 * magnitude down (c_{2j−1} = n_max/2^(j−1), c_{2j} = −c_{2j−1}). A weight's code is that index.
 */
public final class ClusterLevels {
    /** Lloyd iterations per clustering, as in the official code [CODE]. */
    public static final int LLOYD_ITERATIONS = 10;
    /** A code for a weight that is still free (trained in float). */
    public static final int FREE = -1;

    private ClusterLevels() {
    }

    /** K = 2^(b−1) + 1 levels for b bits (17 at 5 bits, 3 at 2 bits) [CODE]. */
    public static int levelCount(int bits) {
        if (bits < 2 || bits > 16) {
            throw new IllegalArgumentException("SLQ needs 2..16 bits, not " + bits);
        }
        return (1 << (bits - 1)) + 1;
    }

    /**
     * The official code's initial centroids: 0, then ±n_max/2^(j−1) with n_max = 2^⌊log2 max|w|⌋;
     * n_max = 1 for an all-zero layer, which has no magnitude to start from.
     */
    public static float[] powerOfTwoStart(float[] weights, int levels) {
        if (levels < 1 || levels % 2 == 0) {
            throw new IllegalArgumentException("a zero level plus ± pairs: an odd count, not " + levels);
        }
        double max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        double nMax = max > 0 ? Math.pow(2, Math.floor(Math.log(max) / Math.log(2))) : 1;
        float[] c = new float[levels];
        for (int j = 1; 2 * j < levels + 1; j++) {
            c[2 * j - 1] = (float) (nMax / Math.pow(2, j - 1));
            c[2 * j] = -c[2 * j - 1];
        }
        return c;
    }

    /** Index of the level nearest to {@code w}; ties go to the lower index (the zero level first). */
    public static int nearest(float w, float[] levels) {
        int best = 0;
        double bestDistance = Math.abs(w - levels[0]);
        for (int k = 1; k < levels.length; k++) {
            double d = Math.abs(w - levels[k]);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * Lloyd k-means of the free weights ({@code codes[i] == FREE}) against {@code levels}, in place.
     * Level 0 (zero) never moves [CODE]; neither does a level that already holds a frozen weight,
     * since moving it would move that weight [INFERRED: the unfrozen weights are re-clustered
     * while the frozen ones stay on their centroids]. An empty cluster keeps its value.
     *
     * @return {@code levels}, updated
     */
    public static float[] lloyd(float[] weights, int[] codes, float[] levels, int iterations) {
        boolean[] fixed = new boolean[levels.length];
        fixed[0] = true;
        for (int c : codes) {
            if (c != FREE) {
                fixed[c] = true;
            }
        }
        double[] sum = new double[levels.length];
        long[] count = new long[levels.length];
        for (int it = 0; it < iterations; it++) {
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
            for (int i = 0; i < weights.length; i++) {
                if (codes[i] == FREE) {
                    int k = nearest(weights[i], levels);
                    sum[k] += weights[i];
                    count[k]++;
                }
            }
            boolean moved = false;
            for (int k = 0; k < levels.length; k++) {
                if (!fixed[k] && count[k] > 0) {
                    float mean = (float) (sum[k] / count[k]);
                    moved |= mean != levels[k];
                    levels[k] = mean;
                }
            }
            if (!moved) {
                break;
            }
        }
        return levels;
    }

    /** How the next portion of a layer is chosen. */
    public enum Portion {
        /**
         * SLQ: whole clusters, lowest mean quantization loss (w − c)² first [RECALLED: "clusters with
         * lower quantization loss go first"]; the last cluster needed is cut by |w − c|, so the share
         * is met exactly [INFERRED].
         */
        CLUSTERS,
        /** MLQ: single weights, smallest |w − c| first [INFERRED]. */
        WEIGHTS
    }

    /**
     * Freezes free weights at their nearest level until {@code target} of them are frozen, in place.
     *
     * @param codes per weight, a level index or {@link #FREE}; frozen entries are never changed
     * @param target the number of frozen weights wanted (nothing happens at or below the current number)
     * @return how many weights were frozen by this call
     */
    public static int freeze(float[] weights, int[] codes, float[] levels, long target, Portion rule) {
        int frozen = 0;
        for (int c : codes) {
            if (c != FREE) {
                frozen++;
            }
        }
        int needed = (int) Math.min(weights.length, target) - frozen;
        if (needed <= 0) {
            return 0;
        }
        int free = weights.length - frozen;
        int[] index = new int[free];
        int[] nearest = new int[free];
        double[] error = new double[free];
        double[] clusterLoss = new double[levels.length];
        long[] clusterCount = new long[levels.length];
        int f = 0;
        for (int i = 0; i < weights.length; i++) {
            if (codes[i] == FREE) {
                int k = nearest(weights[i], levels);
                index[f] = i;
                nearest[f] = k;
                error[f] = Math.abs(weights[i] - levels[k]);
                clusterLoss[k] += error[f] * error[f];
                clusterCount[k]++;
                f++;
            }
        }
        double[] clusterMean = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            clusterMean[k] = clusterCount[k] == 0 ? Double.POSITIVE_INFINITY : clusterLoss[k] / clusterCount[k];
        }
        Integer[] order = new Integer[free];
        for (int j = 0; j < free; j++) {
            order[j] = j;
        }
        java.util.Comparator<Integer> byError = java.util.Comparator.comparingDouble(j -> error[j]);
        java.util.Comparator<Integer> cmp = rule == Portion.CLUSTERS
                ? java.util.Comparator.<Integer>comparingDouble(j -> clusterMean[nearest[j]])
                        .thenComparingInt(j -> nearest[j]).thenComparing(byError)
                : byError;
        // ties keep the weights' order (a stable sort), so the choice is reproducible
        Arrays.sort(order, cmp.thenComparingInt(j -> index[j]));
        for (int j = 0; j < needed; j++) {
            int o = order[j];
            codes[index[o]] = nearest[o];
        }
        return needed;
    }
}
