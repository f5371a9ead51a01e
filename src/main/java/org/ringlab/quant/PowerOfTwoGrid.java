package org.ringlab.quant;

/**
 * Host-side math of power-of-two ("shift") weight quantization, the INFERRED reading of Badar
 * (arXiv:2510.16088) in docs/methods/power-of-two.md: only the abstract is known, so the code layout below is this
 * workbench's choice, not the paper's.
 *
 * <p>Code: a sign bit plus n − 1 exponent bits. Magnitudes are s·2^e with
 * e ∈ {0, −1, …, e_min}, e_min = −(2^(n−1) − 1); one bit has e = 0 only (s·sgn w). The layer scale
 * is itself a power of two, s = 2^round(log2 max|w|). Hard quantizer
 * Q(w) = s·sgn(w)·2^clip(round(log2(|w|/s)), e_min, 0), rounding half to even as torch does.
 *
 * <p><b>No zero code is reserved</b>: all 2^n codes are magnitudes, the smallest being s·2^e_min,
 * and sgn(0) = +1, so an exact zero weight deploys as +s·2^e_min. Sparsity is therefore not
 * representable; the upside is the full 2^n levels the nominal width promises.
 *
 * <p>Code index (for histograms): sign·2^(n−1) + (−e), sign 0 for + and 1 for −, so codes
 * 0 … 2^(n−1) − 1 are the positive magnitudes from the largest down.
 */
public final class PowerOfTwoGrid {
    /** Widest code accepted: e_min = −31 keeps every magnitude a normal float for sane scales. */
    public static final int MAX_BITS = 6;
    /**
     * Bits to store the layer's scale: it is a power of two, so only its exponent (an int8) is
     * kept. See docs/methods/power-of-two.md#codes.
     */
    public static final int SCALE_EXPONENT_BITS = 8;

    private PowerOfTwoGrid() {
    }

    /** e_min = −(2^(n−1) − 1); 0 for one bit. */
    public static int minExponent(int bits) {
        checkBits(bits);
        return -((1 << (bits - 1)) - 1);
    }

    /** Distinct representable levels: 2^n. */
    public static int levelCount(int bits) {
        checkBits(bits);
        return 1 << bits;
    }

    /** round(log2 max|w|), the exponent of the layer scale (an all-zero layer uses the smallest normal). */
    public static int scaleExponent(float[] w) {
        float max = Float.MIN_NORMAL;
        for (float x : w) {
            max = Math.max(max, Math.abs(x));
        }
        return (int) Math.rint((float) log2(max));
    }

    /** The layer scale s = 2^round(log2 max|w|). */
    public static float scale(float[] w) {
        return Math.scalb(1f, scaleExponent(w));
    }

    /** The latent coordinate e = log2(|w|/s) per weight; −∞ for an exact zero weight. */
    public static float[] latent(float[] w) {
        float s = scale(w);
        float[] e = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            e[i] = (float) log2(Math.abs(w[i]) / s);
        }
        return e;
    }

    /** The exponent grid e_min … 0, ascending (reference lines for the latent). */
    public static int[] exponentGrid(int bits) {
        int min = minExponent(bits);
        int[] g = new int[1 - min];
        for (int i = 0; i < g.length; i++) {
            g[i] = min + i;
        }
        return g;
    }

    /** Deployed code indices 0 … 2^n − 1 (see the class comment for the layout). */
    public static int[] codes(float[] w, int bits) {
        int min = minExponent(bits);
        float s = scale(w);
        int half = 1 << (bits - 1);
        int[] q = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            int e = exponent(w[i], s, min);
            q[i] = (w[i] >= 0 ? 0 : half) - e;
        }
        return q;
    }

    /** Deployed weights s·sgn(w)·2^e, exactly as the engine's hard quantizer yields them. */
    public static float[] dequantize(float[] w, int bits) {
        int min = minExponent(bits);
        float s = scale(w);
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            float magnitude = s * Math.scalb(1f, exponent(w[i], s, min));
            out[i] = w[i] >= 0 ? magnitude : -magnitude;
        }
        return out;
    }

    /** How many weights use each code index (for the code entropy). */
    public static long[] codeCounts(int[] codes, int bits) {
        long[] counts = new long[levelCount(bits)];
        for (int q : codes) {
            if (q < 0 || q >= counts.length) {
                throw new IllegalArgumentException("code " + q + " is not a " + bits + "-bit power-of-two code");
            }
            counts[q]++;
        }
        return counts;
    }

    /** Side information per layer: one power-of-two scale (stored as its exponent). */
    public static long sideInfoScales() {
        return 1;
    }

    /** Side-information bits per layer: {@link #SCALE_EXPONENT_BITS} for the one scale exponent. */
    public static int sideInfoBits() {
        return SCALE_EXPONENT_BITS;
    }

    private static int exponent(float w, float s, int min) {
        double e = Math.rint((float) log2(Math.abs(w) / s));
        return (int) Math.max(min, Math.min(0, e));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void checkBits(int bits) {
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException("power-of-two quantization needs 1 to " + MAX_BITS
                    + " bits, got " + bits);
        }
    }
}
