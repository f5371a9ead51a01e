package org.ringlab.ui.ringview;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.ringlab.quant.Ring;
import org.ringlab.train.LayerSnapshot;

/**
 * A layer's positions on its ring: the slots as dots coloured by their values, the position
 * histogram as radial bars in the histogram's own slot-aligned bins, the snapshot's readout above
 * and the ring's distinct levels below.
 *
 * <p>Slot 0 is at the top and slots follow clockwise. Each bar is coloured like the slot that owns
 * its bin, so mass sitting on equal values reads as one colour wherever it is on the ring.
 */
public final class RingView extends LayerSnapshotView {
    /** Arcs are drawn as polygons with at most this angle per segment (3°). */
    private static final double MAX_SEGMENT_ANGLE = Math.PI / 60;

    public RingView(Ring ring) {
        super(ring, 400, 400);
    }

    @Override
    long[] barCounts(LayerSnapshot snapshot, Ring ring) {
        int[] histogram = snapshot.histogram();
        long[] counts = new long[histogram.length];
        for (int j = 0; j < histogram.length; j++) {
            counts[j] = histogram[j];
        }
        return counts;
    }

    @Override
    void paint(GraphicsContext g, double width, double height, double[] heights) {
        ValueColors colors = ValueColors.of(getRing().values(), palette().neutral());
        double font = fontSize(width, height);
        LevelLegend legend = new LevelLegend(getRing(), colors, font, width);
        RingLayout layout = layout(width, height, font, legend);
        LayerSnapshot shown = getShown();
        if (shown != null) {
            paintBars(g, layout, RingGeometry.of(shown), heights, colors);
        }
        paintRing(g, layout, colors);
        if (shown != null) {
            paintReadout(g, shown, font, width);
        }
        legend.paint(g, palette(), height - margin(font) - legend.height());
    }

    /** The layout of the last paint, for tests that look for the bars in a snapshot. */
    RingLayout ringLayout() {
        double font = fontSize(getWidth(), getHeight());
        ValueColors colors = ValueColors.of(getRing().values(), palette().neutral());
        return layout(getWidth(), getHeight(), font, new LevelLegend(getRing(), colors, font, getWidth()));
    }

    private static RingLayout layout(double width, double height, double font, LevelLegend legend) {
        double top = margin(font) + Readout.ROWS * rowHeight(font);
        return RingLayout.fit(width, height, top, legend.height() + margin(font));
    }

    private void paintBars(GraphicsContext g, RingLayout layout, RingGeometry geometry, double[] heights,
            ValueColors colors) {
        Ring ring = getRing();
        g.setLineWidth(0.6);
        for (int j = 0; j < heights.length; j++) {
            if (heights[j] <= 0) {
                continue;
            }
            Color color = colors.colorOf(ring.value(geometry.slotOfBin(j)));
            g.setFill(color);
            // a hairline in the fill colour closes the anti-aliasing seams between neighbouring bars
            g.setStroke(color);
            wedge(g, layout, layout.barBase(), layout.barBase() + heights[j] * layout.barMaxLength(),
                    geometry.binStartAngle(j), geometry.binEndAngle(j));
        }
    }

    private static void wedge(GraphicsContext g, RingLayout layout, double inner, double outer, double from,
            double to) {
        int segments = (int) Math.max(1, Math.ceil((to - from) / MAX_SEGMENT_ANGLE));
        int corners = 2 * (segments + 1);
        double[] xs = new double[corners];
        double[] ys = new double[corners];
        for (int i = 0; i <= segments; i++) {
            Point2D out = layout.point(outer, from + (to - from) * i / segments);
            Point2D in = layout.point(inner, to - (to - from) * i / segments);
            xs[i] = out.getX();
            ys[i] = out.getY();
            xs[segments + 1 + i] = in.getX();
            ys[segments + 1 + i] = in.getY();
        }
        g.fillPolygon(xs, ys, corners);
        g.strokePolygon(xs, ys, corners);
    }

    private void paintRing(GraphicsContext g, RingLayout layout, ValueColors colors) {
        Ring ring = getRing();
        RingGeometry slots = new RingGeometry(ring.size(), 1);
        double r = layout.ringRadius();
        double dot = layout.dotRadius(ring.size());
        g.setStroke(palette().guide());
        g.setLineWidth(Math.max(1, dot / 3));
        g.strokeOval(layout.centreX() - r, layout.centreY() - r, 2 * r, 2 * r);
        g.setLineWidth(1);
        for (int k = 0; k < ring.size(); k++) {
            Point2D p = layout.point(r, slots.slotAngle(k));
            g.setFill(colors.colorOf(ring.value(k)));
            g.fillOval(p.getX() - dot, p.getY() - dot, 2 * dot, 2 * dot);
            g.strokeOval(p.getX() - dot, p.getY() - dot, 2 * dot, 2 * dot);
        }
    }

    private void paintReadout(GraphicsContext g, LayerSnapshot shown, double font, double width) {
        double margin = margin(font);
        g.setTextBaseline(VPos.TOP);
        g.setFill(palette().text());
        g.setTextAlign(TextAlignment.LEFT);
        List<String> identity = Readout.identity(shown);
        for (int i = 0; i < identity.size(); i++) {
            g.setFont(i == 0 ? Font.font(null, FontWeight.BOLD, font) : Font.font(font));
            g.fillText(identity.get(i), margin, margin + i * rowHeight(font));
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(Font.font(font));
        List<String> figures = Readout.figures(shown);
        for (int i = 0; i < figures.size(); i++) {
            g.fillText(figures.get(i), width - margin, margin + i * rowHeight(font));
        }
    }
}
