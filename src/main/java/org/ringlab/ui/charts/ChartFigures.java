package org.ringlab.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ringlab.figures.Band;
import org.ringlab.figures.Figure;
import org.ringlab.figures.LineStyle;
import org.ringlab.figures.Marker;
import org.ringlab.figures.Metric;
import org.ringlab.figures.MetricChart;
import org.ringlab.figures.PaperStyle;
import org.ringlab.figures.RunData;
import org.ringlab.figures.SeedGroup;
import org.ringlab.figures.StepCurve;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;

/**
 * The figure Export… writes for one chart, from the data the chart holds: the loss, accuracy and
 * learning-rate charts through the papers' {@link MetricChart} (over epochs, smoothed as on
 * screen), the gap chart as a small chart of its own in the same {@link PaperStyle}. No JavaFX here:
 * it is built from copies taken on the JavaFX thread and drawn on another.
 */
final class ChartFigures {

    /** A run as the charts hold it. */
    record Run(String label, List<EpochMetrics> epochs, List<StepMetrics> steps) {
        Run {
            epochs = List.copyOf(epochs);
            steps = List.copyOf(steps);
        }
    }

    private static final double MARKER_SIZE = 3.2;

    private ChartFigures() {
    }

    static Figure of(ChartKind kind, List<Run> runs, double smoothing) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs on the charts to export");
        }
        StepCurve curve = new StepCurve(Math.min(smoothing, MetricsCharts.MAX_SMOOTHING));
        return switch (kind) {
            case LOSS -> MetricChart.of(groups(runs), List.of(Metric.TRAIN_LOSS), "train loss (cross-entropy)",
                    Band.STD, null, PaperStyle.DEFAULT, curve);
            case ACCURACY -> MetricChart.of(groups(runs), Metric.accuracies(), "accuracy (%)", Band.STD, null,
                    PaperStyle.DEFAULT, curve);
            case LEARNING_RATE -> MetricChart.of(groups(runs), List.of(Metric.LR), "learning rate", Band.STD, null,
                    PaperStyle.DEFAULT, curve);
            case GAP -> gap(runs)::draw;
        };
    }

    /** One group per run: the window shows runs, not seed groups, and names each by its label. */
    private static List<SeedGroup> groups(List<Run> runs) {
        List<SeedGroup> groups = new ArrayList<>();
        for (Run run : runs) {
            // the figures read only the label, the epochs and the steps of a run
            groups.add(new SeedGroup(run.label(),
                    List.of(new RunData(null, run.label(), null, run.epochs(), List.of(), run.steps()))));
        }
        return groups;
    }

    /** Per run its colour; soft − snapped solid with circles, snapped + BN − snapped dotted with triangles. */
    static JFreeChart gap(List<Run> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int series = 0;
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            String prefix = runs.size() == 1 ? "" : run.label() + " / ";
            XYSeries soft = new XYSeries(prefix + "soft − snapped", false);
            XYSeries bn = new XYSeries(prefix + "snapped+BN − snapped", false);
            for (QuantizationGap gap : QuantizationGap.of(run.epochs())) {
                if (Double.isFinite(gap.softMinusSnapped())) {
                    soft.add(gap.epoch(), gap.softMinusSnapped());
                }
                if (Double.isFinite(gap.bnMinusSnapped())) {
                    bn.add(gap.epoch(), gap.bnMinusSnapped());
                }
            }
            Color colour = PaperStyle.colour(runs.size() == 1 ? 0 : r);
            for (int k = 0; k < 2; k++) {
                boolean isSoft = k == 0;
                data.addSeries(isSoft ? soft : bn);
                Color c = runs.size() == 1 && !isSoft ? PaperStyle.colour(1) : colour;
                renderer.setSeriesPaint(series, c);
                renderer.setSeriesStroke(series, (isSoft ? LineStyle.SOLID : LineStyle.DOTTED)
                        .stroke(PaperStyle.LINE_WIDTH));
                renderer.setSeriesShape(series, (isSoft ? Marker.CIRCLE : Marker.TRIANGLE).shape(MARKER_SIZE));
                series++;
            }
        }
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("gap (percentage points)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ValueMarker zero = new ValueMarker(0, PaperStyle.INK, new BasicStroke(0.5f));
        plot.addRangeMarker(zero);
        JFreeChart chart = new JFreeChart(null, PaperStyle.DEFAULT.title(), plot, true);
        return PaperStyle.DEFAULT.apply(chart);
    }
}
