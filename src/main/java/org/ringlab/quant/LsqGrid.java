package org.ringlab.quant;

/**
 * Host-side math of LSQ weight quantization (docs/methods/uniform.md#lsq): the latent v/s the UI histograms, the
 * integer grid with its clip bounds, the deployed codes and values, and the side information.
 *
 * <p>Weights are signed: Q_N = 2^(b−1), Q_P = 2^(b−1) − 1, code q = round(clip(v/s, −Q_N, Q_P))
 * (round half to even, as torch rounds) and value q·s. Every step is float32 in the engine's order,
 * so {@link #dequantize} equals the engine's quantizer bit for bit.
 *
 * <p><b>b = 1.</b> The literal ranges give Q_N = 1, Q_P = 0: the grid {−1, 0} has no positive
 * level and the step-gradient scale 1/√(N·Q_P) is infinite. One bit is therefore the symmetric
 * sign code {−s, +s}: Q_N = Q_P = 1, code sgn(clip(v/s, −1, 1)) with sgn(0) = +1, so the latent is
 * clipped to [−1, 1] exactly like the multi-bit case and only the rounding becomes a sign.
 */
public final class LsqGrid {
    /** The widest code this class accepts; beyond it the int grid would stop being useful. */
    public static final int MAX_BITS = 16;

    private LsqGrid() {
    }

    /** Q_N: how many levels lie below zero (2^(b−1); 1 for the sign code of b = 1). */
    public static int negativeLevels(int bits) {
        checkBits(bits);
        return 1 << (bits - 1);
    }

    /** Q_P: how many levels lie above zero (2^(b−1) − 1; 1 for the sign code of b = 1). */
    public static int positiveLevels(int bits) {
        checkBits(bits);
        return bits == 1 ? 1 : (1 << (bits - 1)) - 1;
    }

    /** Distinct representable levels: 2^b. */
    public static int levelCount(int bits) {
        checkBits(bits);
        return 1 << bits;
    }

    /** LSQ's initial step 2·mean|v|/√Q_P; a tiny positive step when every weight is zero. */
    public static float initialStep(float[] v, int bits) {
        int qp = positiveLevels(bits);
        if (v.length == 0) {
            throw new IllegalArgumentException("cannot initialise an LSQ step from an empty weight array");
        }
        double sum = 0;
        for (float x : v) {
            sum += Math.abs(x);
        }
        float step = (float) (2.0 * sum / v.length / Math.sqrt(qp));
        return step > 0 ? step : Float.MIN_NORMAL;
    }

    /** The latent coordinate v/s (float32), what the UI histograms against {@link #grid}. */
    public static float[] latent(float[] v, float step) {
        checkStep(step);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / step;
        }
        return out;
    }

    /** The integer grid in units of s, ascending: −Q_N … Q_P, or {−1, +1} for b = 1. */
    public static int[] grid(int bits) {
        if (bits == 1) {
            return new int[] {-1, 1};
        }
        int qn = negativeLevels(bits);
        int[] g = new int[levelCount(bits)];
        for (int i = 0; i < g.length; i++) {
            g[i] = i - qn;
        }
        return g;
    }

    /** The clip bounds {−Q_N, Q_P} in units of s (reference lines). */
    public static float[] clipBounds(int bits) {
        return new float[] {-negativeLevels(bits), positiveLevels(bits)};
    }

    /** Deployed integer codes (values of {@link #grid}), one per weight. */
    public static int[] codes(float[] v, float step, int bits) {
        float lo = -negativeLevels(bits);
        float hi = positiveLevels(bits);
        float[] x = latent(v, step);
        int[] q = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            float c = Math.min(Math.max(x[i], lo), hi);
            q[i] = bits == 1 ? (c >= 0 ? 1 : -1) : (int) Math.rint(c);
        }
        return q;
    }

    /** Deployed (dequantised) weights: code·s, exactly what the engine's quantizer yields. */
    public static float[] dequantize(float[] v, float step, int bits) {
        int[] q = codes(v, step, bits);
        float[] out = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = q[i] * step;
        }
        return out;
    }

    /** How many weights use each grid level, in {@link #grid} order (for the code entropy). */
    public static long[] codeCounts(int[] codes, int bits) {
        int[] g = grid(bits);
        long[] counts = new long[g.length];
        for (int q : codes) {
            int index = bits == 1 ? (q > 0 ? 1 : 0) : q + negativeLevels(bits);
            if (index < 0 || index >= counts.length || g[index] != q) {
                throw new IllegalArgumentException("code " + q + " is not on the " + bits + "-bit LSQ grid");
            }
            counts[index]++;
        }
        return counts;
    }

    /** Side information stored per layer: the one fp32 step s. */
    public static long sideInfoFloats() {
        return 1;
    }

    private static void checkBits(int bits) {
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException("LSQ needs 1 to " + MAX_BITS + " bits, got " + bits);
        }
    }

    private static void checkStep(float step) {
        if (!(step > 0) || Float.isInfinite(step)) {
            throw new IllegalArgumentException("the LSQ step must be a positive finite number, got " + step);
        }
    }
}
