package org.ringlab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;

/**
 * The ring as vector graphics: the circle, its n slots at angle 2πk/n (0 at the top, clockwise)
 * coloured by value, one layer's position histogram as radial bars on slot-centred bins, and a legend
 * of the distinct levels.
 */
public final class RingFigure implements Figure {
    /** Outward length of the tallest bar, relative to the ring's radius. */
    private static final double BAR_LENGTH = 0.55;
    private static final int ARC_STEPS = 4;

    private final LayerSelection selection;
    private final String title;
    private final PaperStyle style;

    public RingFigure(LayerSelection selection, String title) {
        this(selection, title, PaperStyle.DEFAULT);
    }

    public RingFigure(LayerSelection selection, String title, PaperStyle style) {
        this.selection = selection;
        this.title = title;
        this.style = style;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        Graphics2D g = (Graphics2D) g2.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fill(area);
            double top = area.getY() + 4;
            if (title != null) {
                top = centredText(g, title, style.title(), area.getCenterX(), top);
            }
            top = centredText(g, selection.caption(), style.label(), area.getCenterX(), top);
            Ring ring = selection.ring();
            float[] levels = LevelSet.of(ring.values()).levels();
            DivergingColours colours = new DivergingColours(ring.values());
            double legendWidth = drawLegend(g, levels, colours, area, top, style);
            Rectangle2D plot = new Rectangle2D.Double(area.getX() + 4, top + 2,
                    area.getWidth() - legendWidth - 12, area.getMaxY() - top - 6);
            double outer = Math.min(plot.getWidth(), plot.getHeight()) / 2;
            double radius = outer / (1 + BAR_LENGTH);
            drawRing(g, ring, colours, plot.getCenterX(), plot.getCenterY(), radius);
        } finally {
            g.dispose();
        }
    }

    private void drawRing(Graphics2D g, Ring ring, DivergingColours colours, double cx, double cy, double radius) {
        int[] histogram = selection.layer().histogram();
        int tallest = 1;
        for (int c : histogram) {
            tallest = Math.max(tallest, c);
        }
        int n = ring.size();
        int m = selection.layer().subBins();
        for (int j = 0; j < histogram.length; j++) {
            if (histogram[j] == 0) {
                continue;
            }
            double length = radius * BAR_LENGTH * histogram[j] / tallest;
            // in slot units u = n·p, bin j spans [j/m − ½, (j+1)/m − ½): centred on its slot
            double start = 2 * Math.PI * ((double) j / m - 0.5) / n;
            double end = 2 * Math.PI * ((double) (j + 1) / m - 0.5) / n;
            g.setColor(colours.of(ring.value(j / m)));
            g.fill(annularSector(cx, cy, radius, radius + length, start, end));
        }
        g.setColor(PaperStyle.INK);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
        double dot = Math.max(3, Math.min(7, radius * 0.9 * Math.PI / n));
        g.setStroke(new BasicStroke(0.5f));
        for (int k = 0; k < n; k++) {
            double angle = 2 * Math.PI * k / n;
            double x = cx + radius * Math.sin(angle);
            double y = cy - radius * Math.cos(angle);
            Ellipse2D slot = new Ellipse2D.Double(x - dot / 2, y - dot / 2, dot, dot);
            g.setColor(colours.of(ring.value(k)));
            g.fill(slot);
            g.setColor(PaperStyle.INK);
            g.draw(slot);
        }
        g.setStroke(new BasicStroke(0.4f));
        g.setColor(PaperStyle.GRID);
        g.draw(new Line2D.Double(cx, cy - radius * 0.15, cx, cy - radius + dot));
    }

    /** θ = 0 at the top, growing clockwise, in screen coordinates where y grows downwards. */
    private static Path2D annularSector(double cx, double cy, double inner, double outer, double start, double end) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i <= ARC_STEPS; i++) {
            double a = start + (end - start) * i / ARC_STEPS;
            double x = cx + outer * Math.sin(a);
            double y = cy - outer * Math.cos(a);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        for (int i = ARC_STEPS; i >= 0; i--) {
            double a = start + (end - start) * i / ARC_STEPS;
            path.lineTo(cx + inner * Math.sin(a), cy - inner * Math.cos(a));
        }
        path.closePath();
        return path;
    }

    /** Draws the levels top-down at the right edge; returns the width it took. */
    private static double drawLegend(Graphics2D g, float[] levels, DivergingColours colours, Rectangle2D area,
            double top, PaperStyle style) {
        g.setFont(style.legend());
        FontMetrics fm = g.getFontMetrics();
        String heading = "ring value";
        double swatch = fm.getAscent();
        double width = fm.stringWidth(heading);
        String[] labels = new String[levels.length];
        for (int i = 0; i < levels.length; i++) {
            // a minus sign, not a hyphen, as the tick labels
            labels[i] = String.format(Locale.ROOT, "%+.3f", levels[i]).replace('-', '\u2212');
            width = Math.max(width, swatch + 3 + fm.stringWidth(labels[i]));
        }
        double x = area.getMaxX() - width - 4;
        double line = fm.getHeight();
        double y = top + 4 + fm.getAscent();
        g.setColor(PaperStyle.INK);
        g.drawString(heading, (float) x, (float) y);
        for (int i = levels.length - 1; i >= 0; i--) {
            y += line;
            Rectangle2D box = new Rectangle2D.Double(x, y - swatch + 1, swatch, swatch - 1);
            g.setColor(colours.of(levels[i]));
            g.fill(box);
            g.setColor(PaperStyle.INK);
            g.setStroke(new BasicStroke(0.4f));
            g.draw(box);
            g.drawString(labels[i], (float) (x + swatch + 3), (float) y);
        }
        return width;
    }

    /** Returns the y below the text. */
    private static double centredText(Graphics2D g, String text, java.awt.Font font, double cx, double top) {
        g.setFont(font);
        g.setColor(PaperStyle.INK);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) (top + fm.getAscent()));
        return top + fm.getHeight() + 2;
    }
}
