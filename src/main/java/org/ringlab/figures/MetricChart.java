package org.ringlab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Curves of one or several runs overlaid, over epochs: the training quantities per step (smoothed as
 * on screen, from steps.csv) and the test accuracies as marked points per epoch on top. A seed group
 * is drawn as its mean with a shaded band. With several runs the colour tells the run and the dash
 * pattern and marker the metric, and the legend lists each once (runs, then metrics) instead of every
 * combination; with one run the colour tells the metric.
 */
public final class MetricChart {
    private static final float BAND_ALPHA = 0.2f;
    private static final double MARKER_SIZE = 3.2;
    /** More legend entries than this get a smaller font. */
    private static final int CROWDED_LEGEND = 10;

    private MetricChart() {
    }

    /** In the default paper style, per-step curves smoothed as on screen. */
    public static Figure of(List<SeedGroup> groups, List<Metric> metrics, String yLabel, Band band, String title) {
        return of(groups, metrics, yLabel, band, title, PaperStyle.DEFAULT, StepCurve.SCREEN);
    }

    public static Figure of(List<SeedGroup> groups, List<Metric> metrics, String yLabel, Band band, String title,
            PaperStyle style, StepCurve curve) {
        return chart(groups, metrics, yLabel, band, title, style, curve)::draw;
    }

    /** The chart itself, for tests that measure its layout. */
    static JFreeChart chart(List<SeedGroup> groups, List<Metric> metrics, String yLabel, Band band, String title,
            PaperStyle style, StepCurve curve) {
        Layers layers = new Layers(band);
        boolean single = groups.size() == 1;
        List<Metric> drawn = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            SeedGroup group = groups.get(g);
            for (int m = 0; m < metrics.size(); m++) {
                Metric metric = metrics.get(m);
                Color colour = PaperStyle.colour(single ? m : g);
                String name = single ? metric.label() : group.label() + " / " + metric.label();
                boolean stepped = false;
                if (metric.perStep()) {
                    List<StepStatistics.Point> steps = StepStatistics.of(group.runs(), metric, curve);
                    stepped = !steps.isEmpty();
                    if (stepped) {
                        // lighter where test points share the plot: the noisy training curve stays behind them
                        layers.steps(name, steps, metrics.size() > 1 ? lighter(colour) : colour,
                                metric.lineStyle().stroke(stepWidth(metrics)));
                    }
                }
                if (!stepped || metric.marker() != Marker.NONE) {
                    List<EpochStatistics.Point> epochs = EpochStatistics.of(group.runs(), metric);
                    // markers alone on top of a step curve, at mid-epoch (they are the epoch's mean); joined by
                    // the metric's dashes where they are the curve
                    layers.epochs(name, epochs, colour, metric.lineStyle().stroke(PaperStyle.LINE_WIDTH),
                            metric.marker().shape(MARKER_SIZE), !stepped);
                    layers.tested |= !metric.perStep() && !epochs.isEmpty();
                    stepped |= !epochs.isEmpty();
                }
                if (stepped && !drawn.contains(metric)) {
                    drawn.add(metric);
                }
            }
        }
        if (layers.empty()) {
            // FP32 runs have no snapped accuracy: no empty legend entry for it, and no empty figure
            throw new IllegalArgumentException("the runs have no values to plot for "
                    + metrics.stream().map(Metric::label).toList());
        }
        NumberAxis epochs = NiceAxis.of("epoch", layers.minX, layers.maxX, true);
        NumberAxis values = NiceAxis.of(yLabel, layers.lowestShown(), layers.highestShown(), false);
        XYPlot plot = new XYPlot(layers.stepData, epochs, values, layers.stepRenderer);
        plot.setDataset(1, layers.epochData);
        plot.setRenderer(1, layers.epochRenderer);
        // the epoch points over the step curves, never under them
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(title, style.title(), plot, true);
        // after the theme, which resets series paints, strokes and axis fonts
        style.apply(chart);
        layers.style();
        LegendItemCollection legend = legend(groups, drawn, single, metrics);
        plot.setFixedLegendItems(legend);
        chart.removeLegend();
        Font legendFont = style.legend();
        Font itemFont = legend.getItemCount() > CROWDED_LEGEND ? legendFont.deriveFont(legendFont.getSize2D() - 1)
                : legendFont;
        // the metrics next to the plot, the runs below them, on rows of their own, each entry once (a later
        // bottom legend sits nearer the plot)
        int runs = single || drawn.size() == 1 ? legend.getItemCount() : groups.size();
        chart.addLegend(legendBox(legend, 0, runs, itemFont, runs < legend.getItemCount() ? 0 : 2));
        if (runs < legend.getItemCount()) {
            chart.addLegend(legendBox(legend, runs, legend.getItemCount(), itemFont, 2));
        }
        return chart;
    }

    /** The colour 40 % of the way to white. */
    private static Color lighter(Color c) {
        return new Color((int) (c.getRed() + 0.4 * (255 - c.getRed())), (int) (c.getGreen() + 0.4 * (255 - c.getGreen())),
                (int) (c.getBlue() + 0.4 * (255 - c.getBlue())));
    }

    /** A legend below the plot holding entries [from, to), flowing into as many columns as fit, tightly packed. */
    private static LegendTitle legendBox(LegendItemCollection all, int from, int to, Font font, double top) {
        LegendItemCollection part = new LegendItemCollection();
        for (int i = from; i < to; i++) {
            part.add(all.get(i));
        }
        LegendTitle box = new LegendTitle(() -> part);
        box.setPosition(RectangleEdge.BOTTOM);
        box.setFrame(BlockBorder.NONE);
        box.setBackgroundPaint(Color.WHITE);
        box.setItemPaint(PaperStyle.INK);
        box.setMargin(new RectangleInsets(top, 0, 0, 0));
        box.setItemLabelPadding(new RectangleInsets(0.5, 1.5, 0.5, 4));
        box.setLegendItemGraphicPadding(new RectangleInsets(0.5, 1, 0.5, 1));
        box.setItemFont(font);
        return box;
    }

    /** Per-step curves thinner where epoch points share the plot, so the points stay readable. */
    private static float stepWidth(List<Metric> metrics) {
        return metrics.size() > 1 ? 0.8f : 1.0f;
    }

    private static LegendItemCollection legend(List<SeedGroup> groups, List<Metric> drawn, boolean single,
            List<Metric> metrics) {
        LegendItemCollection items = new LegendItemCollection();
        if (single) {
            for (Metric metric : drawn) {
                items.add(item(metric.label(), PaperStyle.colour(metrics.indexOf(metric)), metric));
            }
            return items;
        }
        boolean oneMetric = drawn.size() == 1;
        for (int g = 0; g < groups.size(); g++) {
            items.add(oneMetric ? item(groups.get(g).label(), PaperStyle.colour(g), drawn.get(0))
                    : item(groups.get(g).label(), PaperStyle.colour(g), null));
        }
        if (!oneMetric) {
            for (Metric metric : drawn) {
                items.add(item(metric.label(), PaperStyle.INK, metric));
            }
        }
        return items;
    }

    /** A legend entry: a short line in the metric's dashes with its marker (solid, no marker for null). */
    private static LegendItem item(String label, Color colour, Metric metric) {
        Stroke stroke = metric == null ? LineStyle.SOLID.stroke(PaperStyle.LINE_WIDTH)
                : metric.lineStyle().stroke(PaperStyle.LINE_WIDTH);
        Shape shape = metric == null ? null : metric.marker().shape(MARKER_SIZE);
        boolean marked = shape != null;
        return new LegendItem(label, null, null, null, marked, marked ? shape : new Line2D.Double(), marked, colour,
                false, colour, new BasicStroke(0.5f), true, new Line2D.Double(-7, 0, 7, 0), stroke, colour);
    }

    /** The two datasets (step curves under epoch points) with their series' looks and the data's extent. */
    private static final class Layers {
        final YIntervalSeriesCollection stepData = new YIntervalSeriesCollection();
        final YIntervalSeriesCollection epochData = new YIntervalSeriesCollection();
        final DeviationRenderer stepRenderer = new DeviationRenderer(true, false);
        final DeviationRenderer epochRenderer = new DeviationRenderer(true, true);
        private final Band band;
        private final List<Runnable> looks = new ArrayList<>();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        /** From the end of the first epoch on, and every epoch point: where the runs differ. */
        double steadyMinY = Double.POSITIVE_INFINITY;
        double steadyMaxY = Double.NEGATIVE_INFINITY;
        /** Whether test points (evaluated per epoch only) share the plot. */
        boolean tested;

        Layers(Band band) {
            this.band = band;
        }

        void steps(String name, List<StepStatistics.Point> points, Color colour, Stroke stroke) {
            YIntervalSeries series = new YIntervalSeries(name + " (steps)");
            for (StepStatistics.Point p : points) {
                add(series, p.x(), p.stats());
            }
            int i = stepData.getSeriesCount();
            stepData.addSeries(series);
            looks.add(() -> {
                stepRenderer.setSeriesPaint(i, colour);
                stepRenderer.setSeriesFillPaint(i, colour);
                stepRenderer.setSeriesStroke(i, stroke);
            });
        }

        void epochs(String name, List<EpochStatistics.Point> points, Color colour, Stroke stroke, Shape marker,
                boolean joined) {
            if (points.isEmpty()) {
                return;
            }
            YIntervalSeries series = new YIntervalSeries(name);
            for (EpochStatistics.Point p : points) {
                if (joined) {
                    add(series, p.epoch(), p);
                } else {
                    // an epoch's mean over its steps: in the middle of the epoch, its spread is the curve's band
                    add(series, p.epoch() - 0.5, new EpochStatistics.Point(p.epoch(), p.mean(), 0, p.mean(), p.mean(),
                            p.runs()));
                }
            }
            int i = epochData.getSeriesCount();
            epochData.addSeries(series);
            looks.add(() -> {
                epochRenderer.setSeriesPaint(i, colour);
                epochRenderer.setSeriesFillPaint(i, colour);
                epochRenderer.setSeriesStroke(i, stroke);
                epochRenderer.setSeriesLinesVisible(i, joined);
                epochRenderer.setSeriesShapesVisible(i, marker != null);
                if (marker != null) {
                    epochRenderer.setSeriesShape(i, marker);
                }
            });
        }

        private void add(YIntervalSeries series, double x, EpochStatistics.Point p) {
            double lower = band.lower(p);
            double upper = band.upper(p);
            series.add(x, p.mean(), lower, upper);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, Math.min(lower, p.mean()));
            maxY = Math.max(maxY, Math.max(upper, p.mean()));
            if (x >= 1) {
                steadyMinY = Math.min(steadyMinY, Math.min(lower, p.mean()));
                steadyMaxY = Math.max(steadyMaxY, Math.max(upper, p.mean()));
            }
        }

        /**
         * With test points over several epochs, the y-axis fits what follows the first epoch, so that the
         * first steps' low training accuracy does not squash the band where the test accuracies differ
         * (the training curve then enters from below); otherwise everything.
         */
        private boolean steady() {
            return tested && maxX >= 2 && steadyMaxY >= steadyMinY;
        }

        double lowestShown() {
            return steady() ? steadyMinY : minY;
        }

        double highestShown() {
            return steady() ? steadyMaxY : maxY;
        }

        boolean empty() {
            return stepData.getSeriesCount() + epochData.getSeriesCount() == 0;
        }

        /** Sets the series' looks; after the theme, which would reset them. */
        void style() {
            for (DeviationRenderer r : List.of(stepRenderer, epochRenderer)) {
                r.setAlpha(BAND_ALPHA);
                r.setDrawSeriesLineAsPath(true);
            }
            looks.forEach(Runnable::run);
        }
    }
}
