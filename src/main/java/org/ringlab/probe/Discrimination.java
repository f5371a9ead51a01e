package org.ringlab.probe;

/**
 * Lu, Chen and Li's feature discrimination (arXiv:2504.13792; docs/methods/probe.md): the expected squared
 * distance between two features of different classes over the expected squared distance between two
 * features of the same class, D = E[‖x_i − x_j‖² | y_i ≠ y_j] / E[‖x_i − x_j‖² | y_i = y_j], over
 * ordered pairs i ≠ j; and Fisher's trace ratio J = tr(S_B)/tr(S_W) beside it (an add-on, not the
 * paper's ratio). Both from per-class counts, means and scatters in O(n·d), in double precision.
 */
public final class Discrimination {
    private Discrimination() {
    }

    /**
     * @param d the paper's ratio; NaN where it is 0/0 or undefined (no pair of one class, or no two classes)
     * @param j tr(S_B)/tr(S_W); NaN where tr(S_W) is 0
     */
    public record Measure(double d, double j) {
    }

    /**
     * @param x n rows of d features (not modified)
     * @param y each row's class, 0..classes−1
     */
    public static Measure of(double[][] x, int[] y, int classes) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " feature rows for " + y.length + " labels");
        }
        int dims = x.length == 0 ? 0 : x[0].length;
        long[] count = new long[classes];
        double[][] mean = new double[classes][dims];
        double[] all = new double[dims];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != dims) {
                throw new IllegalArgumentException("feature row " + i + " has " + x[i].length + " values, row 0 "
                        + dims);
            }
            int c = y[i];
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("label " + c + " of row " + i + " is outside 0.." + (classes - 1));
            }
            count[c]++;
            for (int k = 0; k < dims; k++) {
                mean[c][k] += x[i][k];
                all[k] += x[i][k];
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < dims && count[c] > 0; k++) {
                mean[c][k] /= count[c];
            }
        }
        for (int k = 0; k < dims && x.length > 0; k++) {
            all[k] /= x.length;
        }
        // S_c = Σ_{i∈c} ‖x_i − μ_c‖²
        double[] scatter = new double[classes];
        for (int i = 0; i < x.length; i++) {
            double[] m = mean[y[i]];
            double s = 0;
            for (int k = 0; k < dims; k++) {
                double diff = x[i][k] - m[k];
                s += diff * diff;
            }
            scatter[y[i]] += s;
        }
        // intra: class c's mean over its n_c(n_c − 1) ordered pairs is 2·S_c/(n_c − 1), pooled by those pair counts
        double intraSum = 0;
        double intraPairs = 0;
        // inter: classes a ≠ b average S_a/n_a + S_b/n_b + ‖μ_a − μ_b‖² over their n_a·n_b pairs
        double interSum = 0;
        double interPairs = 0;
        double between = 0;
        double within = 0;
        for (int a = 0; a < classes; a++) {
            if (count[a] == 0) {
                continue;
            }
            intraSum += 2.0 * count[a] * scatter[a];
            intraPairs += (double) count[a] * (count[a] - 1);
            within += scatter[a];
            between += count[a] * squaredDistance(mean[a], all);
            for (int b = a + 1; b < classes; b++) {
                if (count[b] == 0) {
                    continue;
                }
                double pairs = (double) count[a] * count[b];
                double mean2 = scatter[a] / count[a] + scatter[b] / count[b] + squaredDistance(mean[a], mean[b]);
                interSum += 2 * pairs * mean2; // (a, b) and (b, a)
                interPairs += 2 * pairs;
            }
        }
        double intra = intraPairs == 0 ? Double.NaN : intraSum / intraPairs;
        double inter = interPairs == 0 ? Double.NaN : interSum / interPairs;
        // binary features thresholded above every value are all equal: 0/0, which is no measurement
        double d = intra > 0 ? inter / intra : Double.NaN;
        double j = within > 0 ? between / within : Double.NaN;
        return new Measure(d, j);
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double diff = a[k] - b[k];
            s += diff * diff;
        }
        return s;
    }

    /**
     * Each feature dimension standardised over the rows (zero mean, unit variance): the paper's
     * theory assumes standardised features, and D changes under a per-dimension rescaling. A
     * dimension that is constant over the rows becomes 0 (it separates nothing).
     */
    public static double[][] standardized(double[][] x) {
        int n = x.length;
        int dims = n == 0 ? 0 : x[0].length;
        double[][] out = new double[n][dims];
        for (int k = 0; k < dims; k++) {
            double sum = 0;
            for (double[] row : x) {
                sum += row[k];
            }
            double mean = sum / n;
            double var = 0;
            for (double[] row : x) {
                var += (row[k] - mean) * (row[k] - mean);
            }
            double std = Math.sqrt(var / n);
            for (int i = 0; i < n; i++) {
                out[i][k] = std > 0 ? (x[i][k] - mean) / std : 0;
            }
        }
        return out;
    }

    /**
     * The paper's {0, 1} feature quantizer b(x) = 1{x > τ} with τ = κ·mean|x| over all values
     * (the threshold parametrisation is INFERRED from "a threshold based on the average magnitude").
     */
    public static double[][] binary(double[][] x, double kappa) {
        double tau = kappa * meanAbs(x);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int k = 0; k < x[i].length; k++) {
                out[i][k] = x[i][k] > tau ? 1 : 0;
            }
        }
        return out;
    }

    /** The paper's {0, ±1} feature quantizer t(x) = sign(x)·1{|x| > τ}, τ = κ·mean|x| (INFERRED τ, as {@link #binary}). */
    public static double[][] ternary(double[][] x, double kappa) {
        double tau = kappa * meanAbs(x);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int k = 0; k < x[i].length; k++) {
                out[i][k] = Math.abs(x[i][k]) > tau ? Math.signum(x[i][k]) : 0;
            }
        }
        return out;
    }

    private static double meanAbs(double[][] x) {
        double sum = 0;
        long n = 0;
        for (double[] row : x) {
            for (double v : row) {
                sum += Math.abs(v);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
