package org.ringlab.tables;

import java.math.BigDecimal;
import java.math.MathContext;

/** How a cell reads as text, shared by every text format so that they agree on each number. */
final class Cells {
    /** As many significant digits as metrics.csv stores (%.6g), so a round trip loses nothing. */
    private static final MathContext DIGITS = new MathContext(6);

    private Cells() {
    }

    /** Whether the cell holds no value: null, or a NaN number. */
    static boolean isEmpty(Object cell) {
        return cell == null || (cell instanceof Double d && d.isNaN()) || (cell instanceof Float f && f.isNaN());
    }

    /** "" for an empty cell, "mean ± std" for an estimate over several runs. */
    static String text(Object cell) {
        if (isEmpty(cell)) {
            return "";
        }
        if (cell instanceof Estimate e) {
            return Double.isNaN(e.std()) ? number(e.mean()) : number(e.mean()) + " ± " + spread(e.std());
        }
        if (cell instanceof Double || cell instanceof Float) {
            return number(((Number) cell).doubleValue());
        }
        return cell.toString();
    }

    /** Plain decimal notation (no exponent), which every spreadsheet and LaTeX reads as written. */
    static String number(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return significant(v).toPlainString();
    }

    private static BigDecimal significant(double v) {
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros();
    }

    /**
     * A spread with at least two significant digits, so a rounded 1.0 does not read as the
     * coarser "1" (padding with zeros is exact: the value was rounded to more digits than shown).
     */
    static String spread(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return number(v);
        }
        BigDecimal d = significant(v);
        if (d.precision() < 2) {
            d = d.setScale(d.scale() + 2 - d.precision());
        }
        return d.toPlainString();
    }

    /** Whether a column holds numbers only, so it is right-aligned in Markdown and LaTeX. */
    static boolean isNumeric(Table table, int column) {
        boolean any = false;
        for (var row : table.rows()) {
            Object cell = row.get(column);
            if (cell instanceof Number || cell instanceof Estimate) {
                any = true;
            } else if (!isEmpty(cell)) {
                return false;
            }
        }
        return any;
    }
}
