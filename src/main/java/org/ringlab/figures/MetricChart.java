package org.ringlab.figures;

import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Per-epoch curves (accuracy, loss, learning rate) of one or several runs overlaid. A seed group is
 * drawn as its mean with a shaded band; the dash pattern tells the metric, the colour the run (or the
 * metric, when there is a single run).
 */
public final class MetricChart {
    private static final float BAND_ALPHA = 0.2f;

    private MetricChart() {
    }

    public static Figure of(List<SeedGroup> groups, List<Metric> metrics, String yLabel, Band band, String title) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<Color> colours = new ArrayList<>();
        List<Stroke> strokes = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            SeedGroup group = groups.get(g);
            for (int m = 0; m < metrics.size(); m++) {
                Metric metric = metrics.get(m);
                List<EpochStatistics.Point> points = EpochStatistics.of(group.runs(), metric);
                if (points.isEmpty()) {
                    // FP32 runs have no snapped accuracy: no empty legend entry for it
                    continue;
                }
                YIntervalSeries series = new YIntervalSeries(seriesName(groups, metrics, group, metric));
                for (EpochStatistics.Point p : points) {
                    series.add(p.epoch(), p.mean(), band.lower(p), band.upper(p));
                }
                data.addSeries(series);
                colours.add(PaperStyle.colour(groups.size() == 1 ? m : g));
                strokes.add(metric.lineStyle().stroke(PaperStyle.LINE_WIDTH));
            }
        }
        if (data.getSeriesCount() == 0) {
            throw new IllegalArgumentException("the runs have no values to plot for "
                    + metrics.stream().map(Metric::label).toList());
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setAutoRangeIncludesZero(false);
        NumberAxis values = new NumberAxis(yLabel);
        values.setAutoRangeIncludesZero(false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        XYPlot plot = new XYPlot(data, epochs, values, renderer);
        JFreeChart chart = new JFreeChart(title, PaperStyle.TITLE, plot, true);
        // after the theme, which resets series paints and strokes
        PaperStyle.apply(chart);
        renderer.setAlpha(BAND_ALPHA);
        renderer.setLegendLine(new Line2D.Double(-10, 0, 10, 0));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours.get(i));
            renderer.setSeriesFillPaint(i, colours.get(i));
            renderer.setSeriesStroke(i, strokes.get(i));
        }
        return chart::draw;
    }

    private static String seriesName(List<SeedGroup> groups, List<Metric> metrics, SeedGroup group, Metric metric) {
        if (groups.size() == 1) {
            return metric.label();
        }
        return metrics.size() == 1 ? group.label() : group.label() + " / " + metric.label();
    }
}
