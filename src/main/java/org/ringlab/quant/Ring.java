package org.ringlab.quant;

import java.util.Arrays;

/**
 * An immutable ring: n fixed values r_0 … r_{n−1} placed at slots k/n of the unit circle, plus the
 * Gaussian-softmax kernel width σ used by the soft interpolation.
 */
public final class Ring {
    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 64;

    private static final float TWO_PI_F = (float) (2.0 * Math.PI);

    private final RingType type;
    private final RingMode mode;
    private final float[] values;
    private final double sigma;

    private Ring(RingType type, RingMode mode, float[] values, double sigma) {
        this.type = type;
        this.mode = mode;
        this.values = values;
        this.sigma = sigma;
    }

    /** A ring with the reference kernel width σ = max(0.5, n/32). */
    public static Ring of(RingType type, int size, RingMode mode) {
        return of(type, size, mode, defaultSigma(size));
    }

    public static Ring of(RingType type, int size, RingMode mode, double sigma) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "ring size " + size + " is impossible: a ring needs " + MIN_SIZE + ".." + MAX_SIZE + " slots");
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma " + sigma + " must be a positive finite number");
        }
        float[] t = mode == RingMode.REFERENCE ? torchLinspace(size) : uniformAngles(size);
        float[] v = new float[size];
        for (int k = 0; k < size; k++) {
            v[k] = type == RingType.TRIANGLE ? triangle(t[k], mode, k, size) : (float) Math.sin(t[k]);
        }
        return new Ring(type, mode, v, sigma);
    }

    /** The reference implementation's kernel width, in slot units. */
    public static double defaultSigma(int size) {
        return Math.max(0.5, size / 32.0);
    }

    /**
     * torch.linspace(0, 2π, n) in float32: it fills the first half forwards from the start and the
     * second half backwards from the end, which is why mirrored slots differ in the last bit.
     */
    static float[] torchLinspace(int n) {
        float[] t = new float[n];
        float step = TWO_PI_F / (float) (n - 1);
        int half = n / 2;
        for (int i = 0; i < n; i++) {
            t[i] = i < half ? i * step : TWO_PI_F - (n - 1 - i) * step;
        }
        return t;
    }

    private static float[] uniformAngles(int n) {
        float[] t = new float[n];
        for (int k = 0; k < n; k++) {
            t[k] = (float) (2.0 * Math.PI * k / n);
        }
        return t;
    }

    private static float triangle(float t, RingMode mode, int k, int n) {
        if (mode == RingMode.REFERENCE) {
            // float32 arithmetic, step by step, as the reference evaluates it
            float u = t / TWO_PI_F;
            float frac = u - (float) Math.floor(u + 0.5f);
            return 2f * Math.abs(2f * frac) - 1f;
        }
        double u = (double) k / n;
        return (float) (2.0 * Math.abs(2.0 * (u - Math.floor(u + 0.5))) - 1.0);
    }

    public RingType type() {
        return type;
    }

    public RingMode mode() {
        return mode;
    }

    public int size() {
        return values.length;
    }

    public double sigma() {
        return sigma;
    }

    /** r_k as float32, exactly as a layer stores it. */
    public float value(int k) {
        return values[k];
    }

    public float[] values() {
        return values.clone();
    }

    /** A short label such as "triangle-8 (reference, σ=0.5)". */
    public String label() {
        return type.id() + "-" + size() + " (" + mode.id() + ", σ=" + sigma + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ring r && r.type == type && r.mode == mode && r.sigma == sigma
                && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Double.hashCode(sigma);
    }

    @Override
    public String toString() {
        return "Ring[" + label() + ", values=" + Arrays.toString(values) + "]";
    }
}
