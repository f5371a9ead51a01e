package org.ringlab.tables;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A rectangular table ready to write: named columns and rows of cells. A cell is a String, a
 * Number, an {@link Estimate} or null; NaN and null both mean "no value".
 */
public record Table(List<String> columns, List<List<Object>> rows) {
    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size()
                        + " columns");
            }
            // List.copyOf refuses nulls, and null is how a cell says it is empty
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** The cells of one column, top to bottom. */
    public List<Object> column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + columns);
        }
        return rows.stream().map(r -> r.get(index)).toList();
    }

    /** A cell as the text writers print it (empty for no value). */
    public String text(int row, int column) {
        return Cells.text(rows.get(row).get(column));
    }

    /** Whether a column holds numbers (right-aligned in every rendering). */
    public boolean isNumeric(int column) {
        return Cells.isNumeric(this, column);
    }

    /** The named columns only, in the order given. */
    public Table select(List<String> names) {
        List<Integer> indices = new ArrayList<>();
        for (String name : names) {
            int index = columns.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("no column '" + name + "'; columns: " + String.join(", ", columns));
            }
            indices.add(index);
        }
        List<List<Object>> selected = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>();
            indices.forEach(i -> cells.add(row.get(i)));
            selected.add(cells);
        }
        return new Table(names, selected);
    }

    /**
     * The table for readers rather than for a round trip: every number rounded to {@code digits}
     * significant digits, and an estimate's spread to at most two (98.7433 ± 0.123456 reads
     * 98.74 ± 0.12 at four digits), because more digits than the seeds' spread only pretend to a
     * precision the runs do not have. Text cells are kept.
     *
     * @param digits significant digits, 1 to 17
     */
    public Table rounded(int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be 1 to 17, got " + digits);
        }
        MathContext value = new MathContext(digits);
        MathContext spread = new MathContext(Math.min(2, digits));
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                if (cell instanceof Estimate e) {
                    cells.add(new Estimate(round(e.mean(), value), round(e.std(), spread), e.n()));
                } else if (cell instanceof Double || cell instanceof Float) {
                    cells.add(round(((Number) cell).doubleValue(), value));
                } else {
                    cells.add(cell);
                }
            }
            out.add(cells);
        }
        return new Table(columns, out);
    }

    private static double round(double v, MathContext digits) {
        return Double.isFinite(v) ? new BigDecimal(v).round(digits).doubleValue() : v;
    }

    /**
     * The rows ordered by one column, stably: numbers by value (an estimate by its mean) before
     * text, text alphabetically; empty cells always last, whichever the direction.
     */
    public Table sortedBy(String name, boolean descending) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; columns: " + String.join(", ", columns));
        }
        Comparator<Object> order = descending ? CELL_ORDER.reversed() : CELL_ORDER;
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> {
            Object x = a.get(index);
            Object y = b.get(index);
            boolean ex = Cells.isEmpty(x);
            boolean ey = Cells.isEmpty(y);
            if (ex || ey) {
                return Boolean.compare(ex, ey);
            }
            return order.compare(x, y);
        });
        return new Table(columns, sorted);
    }

    /** How two non-empty cells compare: numbers (and estimates, by mean) before text. */
    public static final Comparator<Object> CELL_ORDER = (x, y) -> {
        Double a = numeric(x);
        Double b = numeric(y);
        if (a != null && b != null) {
            return Double.compare(a, b);
        }
        if (a != null || b != null) {
            return a != null ? -1 : 1;
        }
        return Cells.text(x).compareToIgnoreCase(Cells.text(y));
    };

    /** The value a cell sorts by when it is a number or an estimate; null for text. */
    public static Double numeric(Object cell) {
        if (cell instanceof Estimate e) {
            return e.mean();
        }
        return cell instanceof Number n ? n.doubleValue() : null;
    }
}
