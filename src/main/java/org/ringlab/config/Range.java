package org.ringlab.config;

/**
 * The values a numeric setting accepts, and the rule a violation states. Checked by {@link
 * ConfigValidator} for every setting that declares one; shown in the settings table and the help.
 *
 * @param min lower bound ({@code -Infinity} for none)
 * @param minOpen whether {@code min} itself is excluded
 * @param max upper bound ({@code Infinity} for none)
 * @param maxOpen whether {@code max} itself is excluded
 * @param finite whether a non-finite value gets its own "must be finite" rule first
 * @param rule the violation's text, e.g. "must be in [0, 1)"
 * @param text the range as the docs show it, e.g. "[0, 1)"
 */
public record Range(double min, boolean minOpen, double max, boolean maxOpen, boolean finite, String rule,
        String text) {

    /** A finite number &gt; 0. */
    public static Range positive() {
        return new Range(0, true, Double.POSITIVE_INFINITY, true, true, "must be > 0", "> 0");
    }

    /** A finite number &gt;= 0. */
    public static Range nonNegative() {
        return new Range(0, false, Double.POSITIVE_INFINITY, true, true, "must be >= 0", ">= 0");
    }

    /** [0, 1): momenta, betas. */
    public static Range unitHalfOpen() {
        return new Range(0, false, 1, true, false, "must be in [0, 1)", "[0, 1)");
    }

    /** An integer from {@code min} to {@code max}, both included. */
    public static Range ints(int min, int max) {
        return new Range(min, false, max, false, false, "must be " + min + ".." + max, min + ".." + max);
    }

    /** An integer &gt;= {@code min}. */
    public static Range atLeast(int min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, true, false, "must be >= " + min, ">= " + min);
    }

    /** Any interval with its own rule text. */
    public static Range of(double min, boolean minOpen, double max, boolean maxOpen, String rule, String text) {
        return new Range(min, minOpen, max, maxOpen, false, rule, text);
    }

    /** The same range with another rule text (e.g. "a ring needs 2..64 slots"). */
    public Range rule(String newRule) {
        return new Range(min, minOpen, max, maxOpen, finite, newRule, text);
    }

    /** The rule {@code value} breaks, or null when it is inside. NaN is outside every range. */
    public String check(double value) {
        if (finite && !Double.isFinite(value)) {
            return "must be finite";
        }
        boolean aboveMin = minOpen ? value > min : value >= min;
        boolean belowMax = maxOpen ? value < max : value <= max;
        return aboveMin && belowMax ? null : rule;
    }
}
