package org.ringlab.ui.ringview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;

/**
 * The ring's distinct levels under the ring, negative to positive like the weight histogram's axis:
 * a swatch and a value per level, with the number of slots that share it. When the levels would
 * need more than two rows (a sine ring of 64 slots has dozens), they become ticks on a strip.
 */
final class LevelLegend {
    private static final int MAX_ROWS = 2;

    private final float[] levels;
    private final int[] slotsPerLevel;
    private final ValueColors colors;
    private final double font;
    private final double width;
    private final String title;
    /** Null when the levels are drawn as a strip. */
    private final List<Row> rows;

    /** Items as level indices, −1 standing for the title. */
    private record Row(List<Integer> items, double width) {
    }

    LevelLegend(Ring ring, ValueColors colors, double font, double width) {
        this.colors = colors;
        this.levels = colors.levels();
        this.slotsPerLevel = slotsPerLevel(ring, levels);
        this.font = font;
        this.width = width;
        this.title = levels.length + (levels.length == 1 ? " level" : " levels");
        this.rows = wrap();
    }

    /** The height the legend needs, without the margin below it. */
    double height() {
        return (rows == null ? 1 : rows.size()) * LayerSnapshotView.rowHeight(font);
    }

    void paint(GraphicsContext g, Palette palette, double top) {
        g.setTextBaseline(VPos.TOP);
        if (rows == null) {
            paintStrip(g, palette, top);
            return;
        }
        Font plain = Font.font(font);
        Font bold = Font.font(null, FontWeight.BOLD, font);
        g.setTextAlign(TextAlignment.LEFT);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double x = (width - row.width()) / 2;
            double y = top + r * LayerSnapshotView.rowHeight(font);
            for (int item : row.items()) {
                g.setFill(palette.text());
                if (item < 0) {
                    g.setFont(bold);
                    g.fillText(title, x, y);
                    x += TextWidth.of(title, bold) + gap();
                    continue;
                }
                swatch(g, palette, item, x, y + 0.1 * font);
                x += swatchSize() + 0.35 * font;
                g.setFill(palette.text());
                g.setFont(plain);
                g.fillText(label(item), x, y);
                x += TextWidth.of(label(item), plain) + gap();
            }
        }
    }

    /** The title and the levels wrapped into rows; null when they need more than {@link #MAX_ROWS}. */
    private List<Row> wrap() {
        Font plain = Font.font(font);
        double available = width - 2 * LayerSnapshotView.margin(font);
        List<Row> out = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        double used = 0;
        for (int item = -1; item < levels.length; item++) {
            double w = item < 0 ? TextWidth.of(title, Font.font(null, FontWeight.BOLD, font))
                    : swatchSize() + 0.35 * font + TextWidth.of(label(item), plain);
            if (!row.isEmpty() && used + gap() + w > available) {
                out.add(new Row(row, used));
                row = new ArrayList<>();
                used = 0;
            }
            used += (row.isEmpty() ? 0 : gap()) + w;
            row.add(item);
        }
        out.add(new Row(row, used));
        return out.size() <= MAX_ROWS ? out : null;
    }

    private void paintStrip(GraphicsContext g, Palette palette, double top) {
        Font plain = Font.font(font);
        Font bold = Font.font(null, FontWeight.BOLD, font);
        String low = String.format(Locale.ROOT, "%+.3f", levels[0]);
        String high = String.format(Locale.ROOT, "%+.3f", levels[levels.length - 1]);
        double margin = LayerSnapshotView.margin(font);
        double left = margin + TextWidth.of(title, bold) + gap() + TextWidth.of(low, plain) + 0.4 * font;
        double right = width - margin - TextWidth.of(high, plain) - 0.4 * font;
        double min = levels[0];
        double max = levels[levels.length - 1];
        double tick = Math.max(1, (right - left) / levels.length / 2);
        for (int i = 0; i < levels.length; i++) {
            g.setFill(colors.colorOf(levels[i]));
            g.fillRect(left + (levels[i] - min) / (max - min) * (right - left - tick), top + 0.1 * font, tick,
                    swatchSize());
        }
        g.setStroke(palette.guide());
        g.setLineWidth(1);
        g.strokeRect(left, top + 0.1 * font, right - left, swatchSize());
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(bold);
        g.fillText(title, margin, top);
        g.setFont(plain);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(low, left - 0.4 * font, top);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(high, right + 0.4 * font, top);
    }

    private void swatch(GraphicsContext g, Palette palette, int level, double x, double y) {
        g.setFill(colors.colorOf(levels[level]));
        g.fillRect(x, y, swatchSize(), swatchSize());
        g.setStroke(palette.guide());
        g.setLineWidth(1);
        g.strokeRect(x, y, swatchSize(), swatchSize());
    }

    private String label(int level) {
        String value = String.format(Locale.ROOT, "%+.3f", levels[level]);
        return slotsPerLevel[level] > 1 ? value + " ×" + slotsPerLevel[level] : value;
    }

    private double swatchSize() {
        return 0.8 * font;
    }

    private double gap() {
        return 1.2 * font;
    }

    private static int[] slotsPerLevel(Ring ring, float[] levels) {
        LevelSet set = LevelSet.of(ring.values());
        int[] counts = new int[levels.length];
        for (int k = 0; k < ring.size(); k++) {
            counts[set.indexOf(ring.value(k))]++;
        }
        return counts;
    }
}
