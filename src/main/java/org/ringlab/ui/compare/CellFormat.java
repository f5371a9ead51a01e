package org.ringlab.ui.compare;

import java.util.Locale;
import java.util.Set;
import org.ringlab.tables.Estimate;

/**
 * How a comparison cell reads on screen: fixed decimals per kind of column (accuracies to two,
 * bits to two, compression to one), so a column lines up; the exported text keeps full precision.
 */
final class CellFormat {
    private static final Set<String> ACCURACIES = Set.of("final_soft", "final_snapped", "final_snapped_bn", "best_soft");
    private static final Set<String> WHOLE = Set.of("levels", "n", "best_epoch");

    private CellFormat() {
    }

    static String text(String column, Object cell) {
        if (cell == null || cell instanceof Double d && d.isNaN()) {
            return "";
        }
        if (cell instanceof Estimate e) {
            String mean = number(column, e.mean());
            return Double.isNaN(e.std()) ? mean : mean + " ± " + number(column, e.std());
        }
        if (cell instanceof Number n) {
            return number(column, n.doubleValue());
        }
        return cell.toString();
    }

    private static String number(String column, double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (WHOLE.contains(column) && v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        int decimals = ACCURACIES.contains(column) ? 2 : column.startsWith("cr_") || column.equals("wall_s") ? 1 : 2;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
