package org.ringlab.ui.ringview;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.ringlab.quant.Ring;
import org.ringlab.train.LayerSnapshot;

/**
 * The soft weights a layer's positions imply, as a linear histogram over the ring's value range,
 * with a line at each distinct ring value in the colour the ring view gives it: mass piling up on
 * the lines is a layer that has settled on its levels.
 */
public final class WeightHistogram extends LayerSnapshotView {
    /** Fine enough to separate the levels of a 64-slot ring, coarse enough to show a shape. */
    public static final int BIN_COUNT = 60;

    public WeightHistogram(Ring ring) {
        super(ring, 400, 200);
    }

    @Override
    long[] barCounts(LayerSnapshot snapshot, Ring ring) {
        return WeightBins.forRing(ring, BIN_COUNT).countSoftWeights(snapshot);
    }

    @Override
    void paint(GraphicsContext g, double width, double height, double[] heights) {
        Ring ring = getRing();
        WeightBins bins = WeightBins.forRing(ring, BIN_COUNT);
        double font = fontSize(width, height);
        PlotArea area = PlotArea.fit(width, height, font);
        LayerSnapshot shown = getShown();

        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(palette().text());
        g.setFont(Font.font(null, FontWeight.BOLD, font));
        String title = shown == null ? "soft weights" : "soft weights · " + shown.layer();
        g.fillText(title, area.left(), 0.4 * font);

        g.setStroke(palette().guide());
        g.setLineWidth(1);
        g.strokeLine(area.left(), area.bottom() + 0.5, area.right(), area.bottom() + 0.5);
        // levels first, like grid lines: where mass piles up on a level the bar covers its line, which
        // still shows above the bar, and dozens of levels (a 64-slot sine ring) do not hide the bars
        paintLevels(g, ValueColors.of(ring.values(), palette().neutral()), bins, area, font, width);

        g.setFill(palette().bars());
        double binWidth = (bins.max() - bins.min()) / bins.count();
        for (int i = 0; i < heights.length; i++) {
            double x0 = area.x(bins.min() + i * binWidth, bins.min(), bins.max());
            double x1 = area.x(bins.min() + (i + 1) * binWidth, bins.min(), bins.max());
            double h = heights[i] * area.height();
            g.fillRect(x0, area.bottom() - h, x1 - x0, h);
        }
    }

    /** A line per level, labelled below the axis where a label has room. */
    private void paintLevels(GraphicsContext g, ValueColors colors, WeightBins bins, PlotArea area, double font,
            double width) {
        double lineWidth = levelLineWidth(font);
        Font labelFont = Font.font(font);
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double lastLabelRight = Double.NEGATIVE_INFINITY;
        for (float v : colors.levels()) {
            // an even width on a whole pixel keeps the line crisp and its colour exact
            double x = Math.round(area.x(v, bins.min(), bins.max()));
            g.setStroke(colors.colorOf(v));
            g.setLineWidth(lineWidth);
            g.strokeLine(x, area.top(), x, area.bottom());

            String label = String.format(Locale.ROOT, "%+.2f", v);
            double half = TextWidth.of(label, labelFont) / 2;
            // the outermost levels sit on the plot's edges: keep their labels inside the view
            double centre = Math.max(half, Math.min(width - half, x));
            if (centre - half > lastLabelRight + 0.5 * font) {
                g.setFill(palette().text());
                g.fillText(label, centre, area.bottom() + 0.4 * font);
                lastLabelRight = centre + half;
            }
        }
    }

    private static double levelLineWidth(double font) {
        return 2 * Math.max(1, Math.round(font / 12));
    }
}
