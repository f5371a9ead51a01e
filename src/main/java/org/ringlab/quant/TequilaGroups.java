package org.ringlab.quant;

/**
 * Host-side math of Tequila ternary quantization (Huang et al. 2025, docs/methods/ternary.md#tequila) on a weight given
 * as {@code rows} output rows of equal length (C-order of (out, in) or (out, in, kh, kw)).
 *
 * <p>Per group of G consecutive weights of one row: α_g = mean|w| over the group, Δ_g = α_g/2,
 * t = [w ≥ Δ_g] − [w ≤ −Δ_g] ∈ {−1, 0, +1} (so an all-zero group codes 0, not +1), A = α_g·t.
 * Dead set D = {t = 0}; dynamic bias C_o = λ·Σ_{i∈D_o} w_{o,i}.
 *
 * <p><b>Groups on small layers.</b> The reference reshapes the weight to (−1, 128), which assumes
 * every row length is a multiple of 128. Here each row is cut into ⌈L/G⌉ groups of G from its
 * start, and the last group keeps the remaining L − (⌈L/G⌉ − 1)·G weights; a row shorter than G is
 * therefore one group. Groups never cross rows. For L divisible by G this is the reference layout.
 *
 * <p>Per-group α makes the dequantised values many distinct numbers; the code is ternary, so count
 * levels and entropy on {@link #codes} (3 levels → 2 bits, log2 3 ideal).
 */
public final class TequilaGroups {
    /** The paper's group size. */
    public static final int DEFAULT_GROUP = 128;
    /** The paper's dynamic-bias weight λ ({@code --eps 1e-3}). */
    public static final float DEFAULT_LAMBDA = 1e-3f;

    private TequilaGroups() {
    }

    /** ⌈rowLength/group⌉: groups per output row. */
    public static int groupsPerRow(int rowLength, int group) {
        if (rowLength < 1) {
            throw new IllegalArgumentException("a Tequila row needs at least one weight, got " + rowLength);
        }
        if (group < 1) {
            throw new IllegalArgumentException("the Tequila group size must be at least 1, got " + group);
        }
        return (rowLength + group - 1) / group;
    }

    /** α per group, row-major: index o·groupsPerRow + j. */
    public static float[] scales(float[] w, int rows, int group) {
        int length = rowLength(w, rows);
        int perRow = groupsPerRow(length, group);
        float[] alpha = new float[rows * perRow];
        for (int o = 0; o < rows; o++) {
            for (int j = 0; j < perRow; j++) {
                int start = o * length + j * group;
                int end = o * length + Math.min(length, (j + 1) * group);
                double sum = 0;
                for (int i = start; i < end; i++) {
                    sum += Math.abs(w[i]);
                }
                alpha[o * perRow + j] = (float) (sum / (end - start));
            }
        }
        return alpha;
    }

    /** The latent coordinate w/α_g per weight (0 in an all-zero group). */
    public static float[] latent(float[] w, int rows, int group) {
        float[] alpha = perWeight(scales(w, rows, group), w.length, rows, group);
        float[] u = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            u[i] = alpha[i] == 0 ? 0f : w[i] / alpha[i];
        }
        return u;
    }

    /** Reference lines in latent units: ±½ (the dead-zone edges Δ/α) and ±1. */
    public static float[] referenceLines() {
        return new float[] {-1f, -0.5f, 0.5f, 1f};
    }

    /** Ternary codes t ∈ {−1, 0, +1}, one per weight. */
    public static int[] codes(float[] w, int rows, int group) {
        float[] alpha = perWeight(scales(w, rows, group), w.length, rows, group);
        int[] t = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            float delta = alpha[i] / 2f;
            t[i] = (w[i] >= delta ? 1 : 0) - (w[i] <= -delta ? 1 : 0);
        }
        return t;
    }

    /** Deployed weights A = α_g·t. */
    public static float[] dequantize(float[] w, int rows, int group) {
        float[] alpha = perWeight(scales(w, rows, group), w.length, rows, group);
        int[] t = codes(w, rows, group);
        float[] a = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            a[i] = alpha[i] * t[i];
        }
        return a;
    }

    /** The dynamic bias C_o = λ·Σ over the dead set of row o of w, one per output row. */
    public static float[] dynamicBias(float[] w, int rows, int group, float lambda) {
        int length = rowLength(w, rows);
        int[] t = codes(w, rows, group);
        float[] c = new float[rows];
        for (int o = 0; o < rows; o++) {
            double sum = 0;
            for (int i = o * length; i < (o + 1) * length; i++) {
                if (t[i] == 0) {
                    sum += w[i];
                }
            }
            c[o] = (float) (lambda * sum);
        }
        return c;
    }

    /** Counts of the codes −1, 0, +1 (for the code entropy). */
    public static long[] codeCounts(int[] codes) {
        long[] counts = new long[3];
        for (int t : codes) {
            if (t < -1 || t > 1) {
                throw new IllegalArgumentException("code " + t + " is not ternary");
            }
            counts[t + 1]++;
        }
        return counts;
    }

    /** Share of weights in the dead zone (code 0). */
    public static double deadZoneShare(int[] codes) {
        return codes.length == 0 ? 0 : (double) codeCounts(codes)[1] / codes.length;
    }

    /** Side information: one α per group plus one (fused) bias per output row. */
    public static long sideInfoFloats(int rows, int rowLength, int group) {
        return (long) rows * groupsPerRow(rowLength, group) + rows;
    }

    private static int rowLength(float[] w, int rows) {
        if (rows < 1 || w.length % rows != 0 || w.length == 0) {
            throw new IllegalArgumentException("a Tequila weight of " + w.length + " values cannot be split into "
                    + rows + " equal output rows");
        }
        return w.length / rows;
    }

    private static float[] perWeight(float[] alpha, int n, int rows, int group) {
        int length = n / rows;
        int perRow = groupsPerRow(length, group);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = alpha[(i / length) * perRow + (i % length) / group];
        }
        return out;
    }
}
