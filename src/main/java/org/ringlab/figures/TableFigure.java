package org.ringlab.figures;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.ringlab.tables.Table;

/**
 * A table drawn as a figure, in the booktabs manner (rules above, below the header and at the
 * end, no vertical lines), with text as text so SVG and PDF stay vector. The font shrinks until
 * the widest row fits the width.
 */
public final class TableFigure implements Figure {
    private static final double PAD = 4;

    private final Table table;
    private final String title;

    public TableFigure(Table table, String title) {
        this.table = table;
        this.title = title;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        // JFreePDF writes the standard PDF fonts without '±'; there it becomes "+/-"
        boolean asciiOnly = g2.getClass().getName().startsWith("org.jfree.pdf");
        java.util.function.UnaryOperator<String> safe = t -> asciiOnly ? t.replace("±", "+/-") : t;
        int columns = table.columns().size();
        float size = PaperStyle.LEGEND.getSize2D();
        double[] widths = new double[columns];
        Font font = PaperStyle.LEGEND;
        while (true) {
            font = PaperStyle.LEGEND.deriveFont(size);
            g2.setFont(font);
            double total = measure(g2.getFontMetrics(), widths);
            if (total <= area.getWidth() || size <= 3) {
                break;
            }
            size -= 0.5f;
        }
        FontMetrics fm = g2.getFontMetrics();
        double line = fm.getHeight() * 1.25;
        double y = area.getY() + PAD;
        g2.setColor(PaperStyle.INK);
        if (title != null && !title.isBlank()) {
            g2.setFont(PaperStyle.TITLE);
            y += g2.getFontMetrics().getAscent();
            g2.drawString(title, (float) (area.getX() + PAD), (float) y);
            y += PAD;
            g2.setFont(font);
        }
        double left = area.getX() + PAD;
        double right = left + sum(widths);
        g2.setStroke(new BasicStroke(0.8f));
        g2.draw(new Line2D.Double(left, y, right, y));
        y += line;
        drawRow(g2, fm, widths, left, y, c -> safe.apply(table.columns().get(c)));
        y += fm.getDescent() + 2;
        g2.setStroke(new BasicStroke(0.4f));
        g2.draw(new Line2D.Double(left, y, right, y));
        for (int r = 0; r < table.rows().size(); r++) {
            int row = r;
            y += line;
            drawRow(g2, fm, widths, left, y, c -> safe.apply(table.text(row, c)));
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
            boolean right = table.isNumeric(c);
            double textX = right ? x + widths[c] - PAD - fm.stringWidth(text) : x;
            g2.drawString(text, (float) textX, (float) baseline);
            x += widths[c];
        }
    }

    private double measure(FontMetrics fm, double[] widths) {
        for (int c = 0; c < widths.length; c++) {
            double w = fm.stringWidth(table.columns().get(c));
            for (int r = 0; r < table.rows().size(); r++) {
                w = Math.max(w, fm.stringWidth(table.text(r, c)));
            }
            widths[c] = w + PAD * 2;
        }
        return sum(widths) + 2 * PAD;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
