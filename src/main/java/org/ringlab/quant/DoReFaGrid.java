package org.ringlab.quant;

/**
 * Host-side math of DoReFa weight quantization (docs/methods/uniform.md#dorefa).
 *
 * <p>k ≥ 2: latent x = tanh(w)/(2·max|tanh w|) + ½ ∈ [0, 1] (max over the layer), code
 * i = round((2^k − 1)·x) ∈ 0 … 2^k − 1 (round half to even, as torch), value 2·i/(2^k − 1) − 1.
 * No scale is stored (BatchNorm absorbs it). k = 1: value E·sgn(w) with E = mean|w| over the layer
 * and sgn(0) = +1 (the reference's tf.where(x == 0, 1, sign(x))); code 0 for −E, 1 for +E; E is
 * the one stored float. The UI histograms the same x for k = 1, where the boundary is x = ½.
 *
 * <p>All steps are float32 in the engine's order; tanh may differ from torch's by an ulp, which
 * can move a weight only when it lies within an ulp of a rounding boundary.
 */
public final class DoReFaGrid {
    /** The widest code this class accepts. */
    public static final int MAX_BITS = 16;

    private DoReFaGrid() {
    }

    /** Distinct representable levels: 2^k. */
    public static int levelCount(int bits) {
        checkBits(bits);
        return 1 << bits;
    }

    /** The latent coordinate x = tanh(w)/(2·max|tanh w|) + ½ per weight. */
    public static float[] latent(float[] w) {
        float[] t = new float[w.length];
        float max = 0f;
        for (int i = 0; i < w.length; i++) {
            t[i] = (float) Math.tanh(w[i]);
            max = Math.max(max, Math.abs(t[i]));
        }
        // An all-zero layer would divide 0 by 0; the guard puts every weight at x = ½ instead.
        float twice = 2f * Math.max(max, Float.MIN_NORMAL);
        for (int i = 0; i < t.length; i++) {
            t[i] = t[i] / twice + 0.5f;
        }
        return t;
    }

    /** The grid lines i/(2^k − 1), i = 0 … 2^k − 1, in latent (x) units. */
    public static float[] grid(int bits) {
        int n = levelCount(bits) - 1;
        float[] g = new float[n + 1];
        for (int i = 0; i <= n; i++) {
            g[i] = (float) i / n;
        }
        return g;
    }

    /** The rounding boundaries (i + ½)/(2^k − 1) between grid lines, in latent units (k = 1: ½). */
    public static float[] decisionBoundaries(int bits) {
        int n = levelCount(bits) - 1;
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            b[i] = (i + 0.5f) / n;
        }
        return b;
    }

    /** E = mean|w|, the k = 1 scale (and its only side information). */
    public static float binaryScale(float[] w) {
        double sum = 0;
        for (float x : w) {
            sum += Math.abs(x);
        }
        return w.length == 0 ? 0f : (float) (sum / w.length);
    }

    /** Deployed codes 0 … 2^k − 1, one per weight. */
    public static int[] codes(float[] w, int bits) {
        int n = levelCount(bits) - 1;
        int[] q = new int[w.length];
        if (bits == 1) {
            for (int i = 0; i < w.length; i++) {
                q[i] = w[i] >= 0 ? 1 : 0;
            }
            return q;
        }
        float[] x = latent(w);
        for (int i = 0; i < w.length; i++) {
            q[i] = (int) Math.rint(n * x[i]);
        }
        return q;
    }

    /** Deployed weights: 2·i/(2^k − 1) − 1 for k ≥ 2, ±E for k = 1 (as the engine computes them). */
    public static float[] dequantize(float[] w, int bits) {
        int[] q = codes(w, bits);
        float[] out = new float[q.length];
        if (bits == 1) {
            float e = binaryScale(w);
            for (int i = 0; i < q.length; i++) {
                out[i] = q[i] == 1 ? e : -e;
            }
            return out;
        }
        float n = levelCount(bits) - 1;
        for (int i = 0; i < q.length; i++) {
            out[i] = q[i] / n * 2f - 1f;
        }
        return out;
    }

    /** How many weights use each code 0 … 2^k − 1 (for the code entropy). */
    public static long[] codeCounts(int[] codes, int bits) {
        long[] counts = new long[levelCount(bits)];
        for (int q : codes) {
            if (q < 0 || q >= counts.length) {
                throw new IllegalArgumentException("code " + q + " is not a " + bits + "-bit DoReFa code");
            }
            counts[q]++;
        }
        return counts;
    }

    /** Side information per layer: none for k ≥ 2, the fp32 E for k = 1. */
    public static long sideInfoFloats(int bits) {
        checkBits(bits);
        return bits == 1 ? 1 : 0;
    }

    private static void checkBits(int bits) {
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException("DoReFa needs 1 to " + MAX_BITS + " bits, got " + bits);
        }
    }
}
