package org.ringlab.nn.init;

import org.ringlab.quant.Ring;
import org.ringlab.quant.RingLookupTable;

/**
 * Ring positions from FP32 weights (docs/methods/training.md#starting-from-a-pretrained-network; INFERRED): a
 * per-layer scale search, the nearest node per weight and an inversion of the soft interpolation on
 * that node's arc. Plain Java on host arrays.
 *
 * <p>Choices this class makes where the recipe leaves one open (each INFERRED):
 * <ul>
 *   <li>the scale grid is 100 points over [0.3, 1.5]·max|W| (the fallbacks max|W| and 3·std are not used);</li>
 *   <li>among nodes with the same value (a value that occurs twice on the ring) the lowest index wins;</li>
 *   <li>the inversion stays within the chosen node's own half-slot on either side (|u − k| &lt; ½), so
 *       the snapped weight is always the nearest node; within it the position whose soft value is
 *       closest to W/s is found by a 65-point scan and 20 bisection steps where the scan brackets it.
 *       Where W/s is out of the soft reach (the softmax shrinks the extremes) that is the closest
 *       reachable position, on the node when the node itself is closest.</li>
 * </ul>
 */
public final class RingInversion {
    static final int SCALE_POINTS = 100;
    static final double SCALE_LOW = 0.3;
    static final double SCALE_HIGH = 1.5;
    private static final int SCAN = 32;
    private static final double HALF = 0.5 - 1e-3;
    private static final int BISECTIONS = 20;

    private final Ring ring;
    private final float[] values;
    private final RingLookupTable table;
    private final double min;
    private final double max;

    public RingInversion(Ring ring) {
        this.ring = ring;
        this.values = ring.values();
        this.table = RingLookupTable.of(ring);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        this.min = lo;
        this.max = hi;
    }

    public Ring ring() {
        return ring;
    }

    /** The node whose value is nearest {@code x}; the lowest index among equals. */
    public int nearestNode(double x) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < values.length; k++) {
            double d = Math.abs(values[k] - x);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /**
     * The scale s of the grid over [0.3, 1.5]·max|W| that minimises ‖W − s·Π(W/s)‖², Π snapping to the
     * nearest node value; 1 for an all-zero layer.
     */
    public double searchScale(float[] w) {
        double top = 0;
        for (float v : w) {
            top = Math.max(top, Math.abs(v));
        }
        if (!(top > 0)) {
            return 1;
        }
        double best = Double.NaN;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i < SCALE_POINTS; i++) {
            double s = top * (SCALE_LOW + (SCALE_HIGH - SCALE_LOW) * i / (SCALE_POINTS - 1));
            double error = 0;
            for (float v : w) {
                double r = v - s * values[nearestNode(v / s)];
                error += r * r;
            }
            if (error < bestError) {
                bestError = error;
                best = s;
            }
        }
        return best;
    }

    /** The position in [0, 1) for every weight of {@code w} divided by {@code scale} (clipped to the ring's range). */
    public float[] positions(float[] w, double scale) {
        float[] p = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            p[i] = position(w[i] / scale);
        }
        return p;
    }

    /** The position of one target value: on the nearest node's arc, its soft value closest to {@code x}. */
    public float position(double x) {
        double target = Math.max(min, Math.min(max, x));
        int k = nearestNode(target);
        double bestU = k;
        double bestGap = Math.abs(soft(k) - target);
        double previousU = k - HALF;
        double previousF = soft(previousU) - target;
        for (int i = 0; i <= 2 * SCAN; i++) {
            double u = k - HALF + 2 * HALF * i / (2 * SCAN);
            double f = soft(u) - target;
            if (Math.abs(f) < bestGap) {
                bestGap = Math.abs(f);
                bestU = u;
            }
            if (i > 0 && f != 0 && Math.signum(f) != Math.signum(previousF)) {
                double root = bisect(previousU, u, target);
                double gap = Math.abs(soft(root) - target);
                if (gap < bestGap) {
                    bestGap = gap;
                    bestU = root;
                }
            }
            previousU = u;
            previousF = f;
        }
        int n = values.length;
        double wrapped = ((bestU % n) + n) % n;
        return (float) (wrapped / n);
    }

    private double bisect(double a, double b, double target) {
        double fa = soft(a) - target;
        for (int i = 0; i < BISECTIONS; i++) {
            double m = 0.5 * (a + b);
            double fm = soft(m) - target;
            if (Math.signum(fm) == Math.signum(fa)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }

    /** The soft value at slot coordinate u (any real, taken mod n). */
    private double soft(double u) {
        int n = values.length;
        double wrapped = ((u % n) + n) % n;
        return table.soft(wrapped / n);
    }
}
