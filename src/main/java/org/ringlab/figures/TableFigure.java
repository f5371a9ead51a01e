package org.ringlab.figures;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.tables.ComparisonTable;
import org.ringlab.tables.RunTable;
import org.ringlab.tables.Table;

/**
 * The comparison table drawn as a figure, in the booktabs manner (rules above, below the header and
 * at the end, no vertical lines), with text as text so SVG and PDF stay vector: chosen columns, human
 * headers (wrapped onto two lines where the numbers below are narrower), numbers rounded per column
 * and runs named as in the curves' legends. The font shrinks from 8 pt, no lower than 6 pt, until the
 * table fits the width.
 */
public final class TableFigure implements Figure {
    private static final double PAD = 4;
    private static final float LARGEST = 8;
    private static final float SMALLEST = 6;
    private static final double LINE = 1.3;

    private final List<TableColumn> columns;
    private final List<List<String>> cells;
    private final String title;
    private final PaperStyle style;

    TableFigure(List<TableColumn> columns, List<List<String>> cells, String title, PaperStyle style) {
        this.columns = List.copyOf(columns);
        this.cells = cells.stream().map(List::copyOf).toList();
        this.title = title;
        this.style = style;
    }

    /**
     * The comparison table of the runs (seed groups as one row each) in the chosen columns; a note
     * column is added whenever a row has a note (an unfinished run, a missing snapped accuracy), since
     * the numbers would mislead without it.
     */
    public static TableFigure of(List<RunData> runs, List<TableColumn> chosen, String title, PaperStyle style)
            throws IOException {
        return of(RunTable.read(runs.stream().map(RunData::directory).toList()), runs, chosen, title, style);
    }

    /**
     * The comparison table of runs already read as a table ({@code recorded}, e.g. runs of a
     * workspace's store) and as figure data ({@code runs}, the same runs in the same order).
     */
    public static TableFigure of(RunTable recorded, List<RunData> runs, List<TableColumn> chosen, String title,
            PaperStyle style) {
        Table table = ComparisonTable.of(recorded);
        List<SeedGroup> groups = SeedGroup.of(runs);
        List<TableColumn> columns = new ArrayList<>(chosen);
        if (!columns.contains(TableColumn.NOTE)
                && table.column(TableColumn.NOTE.source()).stream().anyMatch(n -> n != null && !n.toString().isBlank())) {
            columns.add(TableColumn.NOTE);
        }
        List<List<String>> cells = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = new ArrayList<>();
            for (TableColumn column : columns) {
                // the legend's names, where the rows are the same seed groups (they group alike)
                if (column == TableColumn.RUN && groups.size() == table.rows().size()) {
                    row.add(groups.get(r).label());
                } else {
                    row.add(column.text(table.rows().get(r).get(table.columns().indexOf(column.source()))));
                }
            }
            cells.add(row);
        }
        return new TableFigure(columns, cells, title, style);
    }

    /** The height, in inches, that holds the title, the two header lines and every row at 8 pt. */
    public double heightInches() {
        // a line of the bundled fonts is 1.15 em high
        double line = LARGEST * 1.15 * LINE;
        double title = this.title != null && !this.title.isBlank() ? line : 0;
        return (title + (cells.size() + 2) * line + 6 * PAD) / 72;
    }

    /** The cell texts as drawn, row by row (for tests and for a reader who wants them). */
    public List<List<String>> cells() {
        return cells;
    }

    public List<String> headers() {
        return columns.stream().map(TableColumn::header).toList();
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        Font font = style.font().plain(LARGEST);
        String[][] headers = new String[columns.size()][];
        double[] widths = new double[columns.size()];
        for (float size = LARGEST; size >= SMALLEST; size -= 0.5f) {
            font = style.font().plain(size);
            g2.setFont(font);
            if (layout(g2.getFontMetrics(), headers, widths) <= area.getWidth()) {
                break;
            }
        }
        FontMetrics fm = g2.getFontMetrics();
        double line = fm.getHeight() * LINE;
        double y = area.getY() + PAD;
        g2.setColor(PaperStyle.INK);
        if (title != null && !title.isBlank()) {
            g2.setFont(style.title());
            y += g2.getFontMetrics().getAscent();
            g2.drawString(title, (float) (area.getCenterX() - g2.getFontMetrics().stringWidth(title) / 2.0),
                    (float) y);
            y += PAD;
            g2.setFont(font);
        }
        // centred: LaTeX centres the figure's box, so the table must not sit left of an empty strip
        double left = area.getX() + Math.max(PAD, (area.getWidth() - sum(widths)) / 2);
        double right = left + sum(widths);
        g2.setStroke(new BasicStroke(0.8f));
        g2.draw(new Line2D.Double(left, y, right, y));
        int headerLines = 1;
        for (String[] h : headers) {
            headerLines = Math.max(headerLines, h.length);
        }
        for (int l = 0; l < headerLines; l++) {
            y += l == 0 ? line : fm.getHeight();
            int index = l;
            int lines = headerLines;
            // a one-line header sits on the lower line, next to the numbers
            drawRow(g2, fm, widths, left, y, c -> {
                String[] h = headers[c];
                int shift = lines - h.length;
                return index - shift >= 0 ? h[index - shift] : "";
            });
        }
        y += fm.getDescent() + 2;
        g2.setStroke(new BasicStroke(0.4f));
        g2.draw(new Line2D.Double(left, y, right, y));
        for (List<String> row : cells) {
            y += line;
            drawRow(g2, fm, widths, left, y, row::get);
        }
        y += fm.getDescent() + 2;
        g2.setStroke(new BasicStroke(0.8f));
        g2.draw(new Line2D.Double(left, y, right, y));
    }

    private void drawRow(Graphics2D g2, FontMetrics fm, double[] widths, double left, double baseline,
            java.util.function.IntFunction<String> cell) {
        double x = left;
        for (int c = 0; c < widths.length; c++) {
            String text = cell.apply(c);
            double textX = columns.get(c).numeric() ? x + widths[c] - PAD - fm.stringWidth(text) : x;
            g2.drawString(text, (float) textX, (float) baseline);
            x += widths[c];
        }
    }

    /** Column widths and header lines for one font; returns the table's width. */
    private double layout(FontMetrics fm, String[][] headers, double[] widths) {
        for (int c = 0; c < widths.length; c++) {
            double w = 0;
            for (List<String> row : cells) {
                w = Math.max(w, fm.stringWidth(row.get(c)));
            }
            headers[c] = wrap(columns.get(c).header(), fm, w);
            for (String h : headers[c]) {
                w = Math.max(w, fm.stringWidth(h));
            }
            widths[c] = w + PAD * 2;
        }
        return sum(widths) + 2 * PAD;
    }

    /** The header on one line, or on two split at the space that makes the wider half narrowest. */
    private static String[] wrap(String header, FontMetrics fm, double cellWidth) {
        if (fm.stringWidth(header) <= cellWidth || header.indexOf(' ') < 0) {
            return new String[] {header};
        }
        String[] best = {header};
        double bestWidth = fm.stringWidth(header);
        for (int i = header.indexOf(' '); i >= 0; i = header.indexOf(' ', i + 1)) {
            String a = header.substring(0, i);
            String b = header.substring(i + 1);
            double w = Math.max(fm.stringWidth(a), fm.stringWidth(b));
            if (w < bestWidth) {
                bestWidth = w;
                best = new String[] {a, b};
            }
        }
        return best;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
