package org.ringlab.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks at round numbers for any data range (Heckbert's "nice numbers", Graphics Gems, 1990):
 * steps of 1, 2 or 5 × 10^k, a range widened to whole steps, every label with the same number of
 * decimals. A flat series (a constant learning rate, whose float noise would otherwise give ticks
 * such as 9.99995E-4 … 1.000004E-3) gets a range padded around its value and three ticks. Very large
 * (from 10^5) or very small (below 10^-3) values share one power of ten, written once beside the axis
 * title ("×1e-6") rather than on every label.
 *
 * @param lower the first tick, at or below the data
 * @param upper the last tick, at or above the data
 * @param step the distance between ticks
 * @param exponent the power of ten the labels are divided by (0: plain numbers), a multiple of 3
 * @param decimals digits after the point of every label
 */
public record NiceTicks(double lower, double upper, double step, int exponent, int decimals) {
    /** Labels of at most this many digits before the point stay plain. */
    private static final double LARGE = 1e5;
    /** Labels whose largest value is below this get a shared power of ten (a learning rate of 1e-3 stays plain). */
    private static final double SMALL = 1e-3;
    /**
     * A range this small relative to the values is noise around one value: metrics.csv keeps six
     * significant digits, so a constant 1e-3 comes back anywhere in 0.999995e-3 … 1.000004e-3.
     */
    private static final double FLAT = 1e-4;

    /**
     * @param min the smallest value to show
     * @param max the largest value to show
     * @param target about how many ticks, at least 2
     * @param integers whether steps below 1 make no sense (epochs, steps)
     */
    public static NiceTicks of(double min, double max, int target, boolean integers) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("no tick range for [" + min + ", " + max + "]");
        }
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        if (max - min <= FLAT * magnitude || max - min == 0) {
            // pad a flat series by a tenth of its size (or 1 around zero) so its line sits mid-axis
            double pad = magnitude > 0 ? nice(magnitude * 0.1, true) : 1;
            // centred on a whole pad, so that float noise does not add a tick below
            double centre = Math.rint((min + max) / 2 / pad) * pad;
            min = centre - pad;
            max = centre + pad;
            // a flat line needs no more than its value and one tick either side
            target = 3;
        }
        double step = nice(nice(max - min, false) / Math.max(1, target - 1), true);
        if (integers) {
            step = Math.max(1, step);
        }
        double lower = Math.floor(min / step + 1e-9) * step;
        double upper = Math.ceil(max / step - 1e-9) * step;
        double largest = Math.max(Math.abs(lower), Math.abs(upper));
        int exponent = 0;
        if (largest >= LARGE || (largest < SMALL && largest > 0)) {
            exponent = 3 * (int) Math.floor(Math.log10(largest) / 3);
        }
        double scaledStep = step / Math.pow(10, exponent);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(scaledStep) + 1e-9));
        return new NiceTicks(lower, upper, step, exponent, decimals);
    }

    /** The ticks from lower to upper. */
    public List<Double> values() {
        List<Double> values = new ArrayList<>();
        long count = Math.round((upper - lower) / step);
        for (long i = 0; i <= count; i++) {
            values.add(lower + i * step);
        }
        return values;
    }

    /** A value as its tick label: divided by 10^exponent, with this axis's decimals, "0" never "-0". */
    public String label(double value) {
        double scaled = value / Math.pow(10, exponent);
        if (Math.abs(scaled) < step / Math.pow(10, exponent) * 1e-6) {
            scaled = 0;
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", scaled);
        // a minus sign rather than a hyphen, as TeX sets it
        return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
    }

    /**
     * What the axis title gets appended, e.g. " (×1e-6)"; empty for plain labels. Not "×10⁻⁶": the
     * bundled fonts lack the superscript minus.
     */
    public String axisSuffix() {
        return exponent == 0 ? "" : " (\u00d71e" + exponent + ")";
    }

    /** The nice number near x: 1, 2, 5 or 10 × 10^k, rounded (for steps) or the next up (for ranges). */
    static double nice(double x, boolean round) {
        double exp = Math.floor(Math.log10(x) + 1e-9);
        // float noise (2.0000000000000012e-4) must not push a fraction past its nice bound
        double fraction = x / Math.pow(10, exp) - 1e-9;
        double nice;
        if (round) {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        }
        return nice * Math.pow(10, exp);
    }
}
