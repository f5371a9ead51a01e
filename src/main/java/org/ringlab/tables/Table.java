package org.ringlab.tables;

import java.util.ArrayList;
import java.util.Collections;
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
}
