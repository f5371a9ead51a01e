package org.ringlab.tables;

/**
 * A value measured over n runs that differ only by seed: the mean and the sample standard
 * deviation (n − 1 in the denominator, as seed spreads are usually reported). With n = 1 the
 * spread is unknown, so std is NaN.
 */
public record Estimate(double mean, double std, int n) {

    /** The estimate over the values that are present (not NaN), or null when none is. */
    public static Estimate of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return null;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new Estimate(mean, Math.sqrt(squares / (n - 1)), n);
    }
}
