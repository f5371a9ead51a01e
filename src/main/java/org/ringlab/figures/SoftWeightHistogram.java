package org.ringlab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingLookupTable;

/**
 * The soft weights w(p) of one layer as a histogram over the ring's value range, with a vertical
 * line at each distinct ring value: how far training has pulled the weights onto the levels.
 */
public final class SoftWeightHistogram {
    public static final int WEIGHT_BINS = 60;
    /**
     * A position bin covers a range of p and so of w; its count is spread over this many points
     * across it, or coarse snapshots would leave empty weight bins where weights certainly are.
     */
    static final int SAMPLES_PER_BIN = 16;

    private SoftWeightHistogram() {
    }

    /** Weights per bin over [min r, max r] in {@code bins} equal bins (fractional: counts are spread). */
    public static double[] counts(LayerSelection selection, int bins) {
        Ring ring = selection.ring();
        double[] range = range(ring);
        RingLookupTable table = RingLookupTable.of(ring);
        int[] histogram = selection.layer().histogram();
        double width = 1.0 / histogram.length;
        double[] counts = new double[bins];
        for (int j = 0; j < histogram.length; j++) {
            if (histogram[j] == 0) {
                continue;
            }
            double start = selection.binCentrePosition(j) - width / 2;
            for (int s = 0; s < SAMPLES_PER_BIN; s++) {
                double p = start + (s + 0.5) * width / SAMPLES_PER_BIN;
                double w = table.soft(p - Math.floor(p));
                int bin = (int) Math.floor((w - range[0]) / (range[1] - range[0]) * bins);
                counts[Math.max(0, Math.min(bins - 1, bin))] += (double) histogram[j] / SAMPLES_PER_BIN;
            }
        }
        return counts;
    }

    /** Every soft weight is a convex blend of ring values, so [min r, max r] holds them all. */
    static double[] range(Ring ring) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : ring.values()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi - lo <= LevelSet.DEFAULT_TOLERANCE) {
            // a single-level ring (sine-2) still needs bins of a sensible width
            return new double[] {(lo + hi) / 2 - 0.5, (lo + hi) / 2 + 0.5};
        }
        return new double[] {lo, hi};
    }

    public static Figure of(LayerSelection selection, String title) {
        double[] range = range(selection.ring());
        double[] counts = counts(selection, WEIGHT_BINS);
        double step = (range[1] - range[0]) / WEIGHT_BINS;
        XYIntervalSeries series = new XYIntervalSeries(selection.caption());
        for (int i = 0; i < counts.length; i++) {
            double x0 = range[0] + i * step;
            series.add(x0 + step / 2, x0, x0 + step, counts[i], 0, counts[i]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        NumberAxis weights = new NumberAxis("soft weight w(p)");
        weights.setAutoRangeIncludesZero(false);
        NumberAxis count = new NumberAxis("weights (count)");
        XYBarRenderer renderer = new XYBarRenderer();
        XYPlot plot = new XYPlot(data, weights, count, renderer);
        JFreeChart chart = new JFreeChart(title != null ? title : selection.caption(), PaperStyle.TITLE, plot, false);
        PaperStyle.apply(chart);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, PaperStyle.colour(0));
        for (float level : LevelSet.of(selection.ring().values()).levels()) {
            ValueMarker marker = new ValueMarker(level, Color.BLACK, LineStyle.DASHED.stroke(0.6f));
            plot.addDomainMarker(marker);
        }
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineStroke(new BasicStroke(0.6f));
        return chart::draw;
    }
}
