package org.ringlab.ui.compare;

import java.util.Locale;
import java.util.Set;
import org.ringlab.tables.Estimate;

/**
 * How a comparison cell reads on screen: fixed decimals per kind of column (accuracies to two,
 * bits to two, compression to one), so a column lines up; the exported text keeps full precision.
 */
final class CellFormat {
    private static final Set<String> ACCURACIES = Set.of("final_soft", "final_snapped", "final_snapped_bn", "best_soft",
            "best_snapped");
    private static final Set<String> WHOLE = Set.of("levels", "n", "best_epoch");

    /** Header text for the table's columns; a column not listed shows its own name. */
    private static final java.util.Map<String, String> HEADERS = java.util.Map.ofEntries(
            java.util.Map.entry("nominal_bits", "nominal bits"), java.util.Map.entry("level_bits", "code bits"),
            java.util.Map.entry("entropy_bits", "entropy bits"), java.util.Map.entry("side_bits", "side bits"),
            java.util.Map.entry("cr_weights", "CR weights"), java.util.Map.entry("cr_model", "CR model"),
            java.util.Map.entry("final_soft", "soft %"), java.util.Map.entry("final_snapped", "snapped %"),
            java.util.Map.entry("final_snapped_bn", "snapped+BN %"), java.util.Map.entry("best_soft", "best soft %"),
            java.util.Map.entry("best_epoch", "best epoch"),
            java.util.Map.entry("best_snapped", "best snapped %"), java.util.Map.entry("wall_s", "wall s"),
            java.util.Map.entry(ComparisonRows.NOT_COMPARABLE, "not comparable"));

    private CellFormat() {
    }

    static String header(String column) {
        return HEADERS.getOrDefault(column, column);
    }

    static String text(String column, Object cell) {
        if (cell == null || (cell instanceof Double d && d.isNaN())) {
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
