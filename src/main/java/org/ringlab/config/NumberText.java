package org.ringlab.config;

import java.math.BigDecimal;
import java.util.Locale;

/** Short decimal text for doubles that parses back to the same value. */
final class NumberText {

    private NumberText() {
    }

    /** {@code 0.1 -> "0.1"}, {@code 2.0 -> "2"}, {@code 1e-8 -> "1.0e-8"}, {@code NaN -> "NaN"}. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            // keep the sign of -0.0 so the text parses back to the same double
            return 1 / value < 0 ? "-0" : "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e9) {
            // BigDecimal.valueOf uses the shortest round-tripping digits, so this is exact
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value).toLowerCase(Locale.ROOT);
    }
}
