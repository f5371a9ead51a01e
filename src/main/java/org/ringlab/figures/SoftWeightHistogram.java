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
import org.ringlab.quant.SoftWeightSpread;

/**
 * The soft weights w(p) of one layer as a histogram over the ring's value range, with a vertical
 * line at each distinct ring value: how far training has pulled the weights onto the levels.
 */
public final class SoftWeightHistogram {
    public static final int WEIGHT_BINS = 60;
    private SoftWeightHistogram() {
    }

    /** Weights per bin over [min r, max r] in {@code bins} equal bins (fractional: counts are spread). */
    public static double[] counts(LayerSelection selection, int bins) {
        return spread(selection, bins).spread(selection.layer().histogram());
    }

    private static SoftWeightSpread spread(LayerSelection selection, int bins) {
        return new SoftWeightSpread(selection.ring(), selection.layer().subBins(), bins);
    }

    public static Figure of(LayerSelection selection, String title) {
        return of(selection, title, PaperStyle.DEFAULT);
    }

    public static Figure of(LayerSelection selection, String title, PaperStyle style) {
        SoftWeightSpread spread = spread(selection, WEIGHT_BINS);
        double[] range = {spread.min(), spread.max()};
        double[] counts = spread.spread(selection.layer().histogram());
        double step = (range[1] - range[0]) / WEIGHT_BINS;
        XYIntervalSeries series = new XYIntervalSeries(selection.caption());
        for (int i = 0; i < counts.length; i++) {
            double x0 = range[0] + i * step;
            series.add(x0 + step / 2, x0, x0 + step, counts[i], 0, counts[i]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        double tallest = 1;
        for (double c : counts) {
            tallest = Math.max(tallest, c);
        }
        NumberAxis weights = NiceAxis.of("soft weight w(p)", range[0], range[1], false);
        weights.setRange(range[0], range[1]);
        NumberAxis count = NiceAxis.of("weights (count)", 0, tallest * 1.05, false);
        XYBarRenderer renderer = new XYBarRenderer();
        XYPlot plot = new XYPlot(data, weights, count, renderer);
        JFreeChart chart = new JFreeChart(title != null ? title : selection.caption(), style.title(), plot, false);
        style.apply(chart);
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
