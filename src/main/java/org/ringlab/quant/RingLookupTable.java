package org.ringlab.quant;

/**
 * The soft weight w(p) and its derivative tabulated on a fine uniform grid over p ∈ [0, 1].
 *
 * <p>For a given ring, w is a fixed smooth 1-D function of the position, so a training step does not
 * need to rebuild the N×n softmax the reference evaluates for every weight: a table lookup with
 * linear interpolation gives the value and the slope to well under 1e-5 (see the tests), at a cost
 * independent of n.
 */
public final class RingLookupTable {
    /** Grid points per ring slot: interpolation error stays below 1e-6 in w for every n ≤ 64. */
    public static final int POINTS_PER_SLOT = 2048;

    private final Ring ring;
    private final int intervals;
    private final float[] value;
    private final float[] valueStep;
    private final float[] slope;
    private final float[] slopeStep;

    private static final java.util.Map<Ring, RingLookupTable> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The table for a ring, built once per ring and shared (it is immutable): ResNet-20 has 21 layers. */
    public static RingLookupTable of(Ring ring) {
        return CACHE.computeIfAbsent(ring, RingLookupTable::new);
    }

    public RingLookupTable(Ring ring) {
        this.ring = ring;
        this.intervals = POINTS_PER_SLOT * ring.size();
        RingInterpolation f = new RingInterpolation(ring);
        value = new float[intervals];
        valueStep = new float[intervals];
        slope = new float[intervals];
        slopeStep = new float[intervals];
        // The circular distance has kinks where a slot is antipodal (u − k = ±n/2); they fall on grid
        // points, so each interval takes one-sided derivatives at its own ends.
        double inside = 1e-11;
        double wLeft = f.softExact(0.0);
        for (int i = 0; i < intervals; i++) {
            double p0 = (double) i / intervals;
            double p1 = (double) (i + 1) / intervals;
            double wRight = f.softExact(p1);
            double dStart = f.derivativeExact(p0 + inside);
            double dEnd = f.derivativeExact(p1 - inside);
            value[i] = (float) wLeft;
            valueStep[i] = (float) (wRight - wLeft);
            slope[i] = (float) dStart;
            slopeStep[i] = (float) (dEnd - dStart);
            wLeft = wRight;
        }
    }

    public Ring ring() {
        return ring;
    }

    /** Number of grid intervals M over [0, 1]. */
    public int intervals() {
        return intervals;
    }

    /**
     * w at grid points 0 … M. Each table has M + 1 entries so that p = 1 exactly (reachable under
     * the clamp) has a cell of its own: w(1) with a zero step.
     */
    public float[] values() {
        return closed(value, value[intervals - 1] + valueStep[intervals - 1]);
    }

    /** w(i+1) − w(i); 0 for the closing entry. */
    public float[] valueSteps() {
        return closed(valueStep, 0f);
    }

    /** dw/dp at grid point i (one-sided, from inside cell i); dw/dp(1⁻) for the closing entry. */
    public float[] slopes() {
        return closed(slope, slope[intervals - 1] + slopeStep[intervals - 1]);
    }

    /** dw/dp(i+1) − dw/dp(i) within cell i; 0 for the closing entry. */
    public float[] slopeSteps() {
        return closed(slopeStep, 0f);
    }

    private static float[] closed(float[] table, float last) {
        float[] out = java.util.Arrays.copyOf(table, table.length + 1);
        out[table.length] = last;
        return out;
    }

    /** The interpolated soft weight, as the DJL kernel computes it. */
    public double soft(double p) {
        double x = clamp01(p) * intervals;
        int i = Math.min((int) Math.floor(x), intervals - 1);
        return value[i] + (x - i) * valueStep[i];
    }

    /** The interpolated derivative, as the DJL kernel computes it. */
    public double derivative(double p) {
        double x = clamp01(p) * intervals;
        int i = Math.min((int) Math.floor(x), intervals - 1);
        return slope[i] + (x - i) * slopeStep[i];
    }

    private static double clamp01(double p) {
        return p < 0 ? 0 : (p > 1 ? 1 : p);
    }
}
