package org.ringlab.quant;

/**
 * The Gaussian-softmax interpolation of Ring Quantization (docs/methods/ring.md#soft-weights) and its snapped
 * counterpart, evaluated one position at a time.
 *
 * <p>Distances are computed in float32 so that the tie points where torch's {@code minimum} splits
 * its gradient (d_k == n − d_k) are found exactly where the reference finds them; the softmax itself
 * is evaluated in double.
 */
public final class RingInterpolation {
    private final Ring ring;
    private final int n;
    private final double invTwoSigmaSq;
    private final double invSigmaSq;

    public RingInterpolation(Ring ring) {
        this.ring = ring;
        this.n = ring.size();
        this.invSigmaSq = 1.0 / (ring.sigma() * ring.sigma());
        this.invTwoSigmaSq = 0.5 * invSigmaSq;
    }

    public Ring ring() {
        return ring;
    }

    /** The soft weight w(p) = Σ_k softmax_k(−½(c_k/σ)²)·r_k. */
    public double soft(float p) {
        return evaluate(p, false);
    }

    /** dw/dp, as autograd differentiates the reference expression (ties contribute 0). */
    public double derivative(float p) {
        return evaluate(p, true);
    }

    /**
     * The smooth soft weight at a double-precision position, without the float32 rounding of the
     * reference (used to tabulate; ties are measure-zero there and take the direct branch).
     */
    public double softExact(double p) {
        return evaluateDouble(p, false);
    }

    /** dw/dp at a double-precision position (see {@link #softExact}). */
    public double derivativeExact(double p) {
        return evaluateDouble(p, true);
    }

    /** The slot a position snaps to: floor(n·p + ½) mod n, in float32 like the reference. */
    public int hardIndex(float p) {
        float x = p * n + 0.5f;
        int slot = (int) Math.floor(x);
        return Math.floorMod(slot, n);
    }

    /** The ring value a position snaps to. */
    public float hard(float p) {
        return ring.value(hardIndex(p));
    }

    private double evaluate(float p, boolean wantDerivative) {
        float u = p * n;
        double[] c = new double[n];
        double[] dcdu = new double[n];
        for (int k = 0; k < n; k++) {
            float diff = u - k;
            float d = Math.abs(diff);
            float e = n - d;
            c[k] = Math.min(d, e);
            // d(min)/dd: 1 on the direct branch, −1 on the wrap branch, 0 at a tie (torch splits it)
            double dminDd = d < e ? 1.0 : (d > e ? -1.0 : 0.0);
            dcdu[k] = dminDd * Math.signum(diff);
        }
        return combine(c, dcdu, wantDerivative);
    }

    private double evaluateDouble(double p, boolean wantDerivative) {
        double u = p * n;
        double[] c = new double[n];
        double[] dcdu = new double[n];
        for (int k = 0; k < n; k++) {
            double diff = u - k;
            double d = Math.abs(diff);
            double e = n - d;
            c[k] = Math.min(d, e);
            dcdu[k] = (d <= e ? 1.0 : -1.0) * Math.signum(diff);
        }
        return combine(c, dcdu, wantDerivative);
    }

    private double combine(double[] c, double[] dcdu, boolean wantDerivative) {
        double[] logits = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            logits[k] = -invTwoSigmaSq * c[k] * c[k];
            max = Math.max(max, logits[k]);
        }
        double z = 0;
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = Math.exp(logits[k] - max);
            z += a[k];
        }
        double w = 0;
        for (int k = 0; k < n; k++) {
            a[k] /= z;
            w += a[k] * ring.value(k);
        }
        if (!wantDerivative) {
            return w;
        }
        double dwdu = 0;
        for (int k = 0; k < n; k++) {
            double dlogitDc = -c[k] * invSigmaSq;
            dwdu += a[k] * (ring.value(k) - w) * dlogitDc * dcdu[k];
        }
        return n * dwdu;
    }
}
