package org.ringlab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.ringlab.train.LatentHistogram;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.PositionSnapshot;

/**
 * A non-ring method's latent coordinate in one layer (w/Δ with the dead-zone thresholds for ternary
 * methods, v/s on the integer grid for LSQ, log2|w| on the exponent grid for power-of-two), as the
 * window's latent view draws it: equal-width bins, the method's reference lines in vermillion, its
 * scalars and code statistics under the title, and "INFERRED" where the method is partly inferred.
 */
public final class LatentHistogramFigure {
    /** The window's line colour (Okabe–Ito vermillion), distinct from the blue bars. */
    static final Color LINE = new Color(0xD55E00);
    /** About what the axes and insets take of the figure's width, in points. */
    private static final double PLOT_INSET = 45;
    /** The least space between two labels on one row, in points. */
    private static final double LABEL_GAP = 2;

    private LatentHistogramFigure() {
    }

    /**
     * @param layerName the layer, or null for the first with a latent histogram
     * @param step the snapshot's step, or null for the last
     * @throws IllegalArgumentException naming what exists when the run has no such histogram
     */
    public static Figure of(RunData run, String layerName, Integer step, String title, PaperStyle style) {
        List<PositionSnapshot> snapshots = run.snapshots();
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("run " + run.label() + " recorded no snapshots");
        }
        PositionSnapshot snapshot = step == null ? snapshots.get(snapshots.size() - 1)
                : snapshots.stream().filter(s -> s.step() == step).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("run " + run.label() + " has no snapshot at step " + step));
        List<LayerSnapshot> layers = snapshot.layers().stream().filter(l -> l.latent() != null).toList();
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("run " + run.label() + " (" + run.config().method().key()
                    + ") has no latent histogram in its snapshot at step " + snapshot.step());
        }
        LayerSnapshot layer = layerName == null ? layers.get(0) : layers.stream()
                .filter(l -> l.layer().equals(layerName)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "no quantized layer '" + layerName + "' in run " + run.label() + "; layers "
                                + layers.stream().map(LayerSnapshot::layer).toList()));
        return draw(layer.latent(), title != null ? title : run.label() + " \u00b7 " + layer.layer() + " \u00b7 step "
                + snapshot.step(), style);
    }

    static Figure draw(LatentHistogram h, String title, PaperStyle style) {
        int[] bins = h.bins();
        double width = h.binWidth();
        XYIntervalSeries series = new XYIntervalSeries(h.coordinate());
        int tallest = 1;
        for (int i = 0; i < bins.length; i++) {
            double x0 = h.min() + i * width;
            series.add(x0 + width / 2, x0, x0 + width, bins[i], 0, bins[i]);
            tallest = Math.max(tallest, bins[i]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        NumberAxis coordinate = NiceAxis.of(h.coordinate(), h.min(), h.max(), false);
        // the bins' own edges: the histogram ends where the axis ends
        coordinate.setRange(h.min(), h.max());
        NumberAxis count = NiceAxis.of("weights (count)", 0, tallest * 1.12, true);
        XYBarRenderer renderer = new XYBarRenderer();
        XYPlot plot = new XYPlot(data, coordinate, count, renderer);
        JFreeChart chart = new JFreeChart(title, style.title(), plot, false);
        style.apply(chart);
        TextTitle statistics = new TextTitle(statistics(h), style.tick());
        statistics.setHorizontalAlignment(HorizontalAlignment.CENTER);
        chart.addSubtitle(statistics);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        // an outline in the bars' colour closes the hairline seams anti-aliasing leaves between bins
        renderer.setDrawBarOutline(true);
        renderer.setSeriesPaint(0, PaperStyle.colour(0));
        renderer.setSeriesOutlinePaint(0, PaperStyle.colour(0));
        renderer.setSeriesOutlineStroke(0, new BasicStroke(0.3f));
        List<LatentHistogram.Line> lines = h.lines().stream().filter(l -> l.at() >= h.min() && l.at() <= h.max())
                .toList();
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineStroke(new BasicStroke(0.6f));
        return (g2, area) -> {
            // labels need the plot's width in points, known only now: lay them out per drawing
            plot.clearDomainMarkers();
            addLines(plot, lines, h, area.getWidth() - PLOT_INSET, g2.getFontRenderContext(), style);
            chart.draw(g2, area);
        };
    }

    /**
     * The reference lines, labelled at the top of the plot on the first of two rows where the label
     * clears its neighbours; a label that fits on neither row is left out, its line stays (as the
     * window does).
     */
    private static void addLines(XYPlot plot, List<LatentHistogram.Line> lines, LatentHistogram h, double plotWidth,
            FontRenderContext context, PaperStyle style) {
        Font font = style.tick();
        double lineHeight = font.getLineMetrics("0", context).getHeight();
        double[] rowRight = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (LatentHistogram.Line line : lines) {
            ValueMarker marker = new ValueMarker(line.at(), LINE, new BasicStroke(0.7f));
            String label = line.label() == null ? "" : line.label().strip();
            // "−1" with a minus sign, as the tick labels
            label = label.startsWith("-") ? "\u2212" + label.substring(1) : label;
            if (!label.isEmpty()) {
                double half = font.getStringBounds(label, context).getWidth() / 2;
                double x = (line.at() - h.min()) / (h.max() - h.min()) * plotWidth;
                for (int row = 0; row < rowRight.length; row++) {
                    if (x - half > rowRight[row] + LABEL_GAP) {
                        rowRight[row] = x + half;
                        marker.setLabel(label);
                        marker.setLabelFont(font);
                        marker.setLabelPaint(LINE);
                        marker.setLabelAnchor(RectangleAnchor.TOP);
                        marker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
                        marker.setLabelOffset(new RectangleInsets(2 + row * lineHeight, 0, 0, 0));
                        marker.setLabelBackgroundColor(Color.WHITE);
                        break;
                    }
                }
            }
            plot.addDomainMarker(marker);
        }
    }

    /** The method's scalars, code count, entropy and change rate: what the window shows under its title. */
    static String statistics(LatentHistogram h) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Double> e : new TreeMap<>(h.scalars()).entrySet()) {
            text.append(text.length() == 0 ? "" : " \u00b7 ").append(String.format(Locale.ROOT, "%s %.3g", e.getKey(),
                    e.getValue()));
        }
        long[] codes = h.codeCounts();
        if (codes != null && codes.length > 0) {
            text.append(text.length() == 0 ? "" : " \u00b7 ").append(codes.length).append(" codes");
        }
        if (Double.isFinite(h.codeEntropyBits())) {
            text.append(String.format(Locale.ROOT, " \u00b7 H %.2f bit", h.codeEntropyBits()));
        }
        if (Double.isFinite(h.codeChangeRate())) {
            text.append(String.format(Locale.ROOT, " \u00b7 %.1f%% changed", 100 * h.codeChangeRate()));
        }
        if (h.inferred()) {
            text.append(text.length() == 0 ? "" : " \u00b7 ").append("INFERRED");
        }
        return text.toString();
    }
}
