package org.ringlab.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;

/**
 * Live training curves of one or more runs, stacked on a common step axis: loss, accuracy and
 * learning rate, with one legend for all three.
 *
 * <ul>
 *   <li><b>loss</b>: per-step loss, faint, under its smoothed curve; optionally on a log axis.
 *   <li><b>accuracy (%)</b>: per-step train accuracy, faint and smoothed, and the per-epoch test
 *       accuracies at each epoch's last step: soft (solid), snapped (dashed), snapped with BatchNorm
 *       re-estimated (dotted).
 *   <li><b>learning rate</b> per step.
 * </ul>
 *
 * <p>Each run keeps one colour from {@link #colorOf} on every chart. Smoothing is TensorBoard's
 * debiased exponential moving average ({@link #setSmoothing}). Every curve is a bounded copy of at
 * most {@value #MAX_POINTS_PER_SERIES} points (see {@code Decimator}), so a long run costs the same
 * to draw as a short one. Drag to zoom, middle-drag to pan, {@link #resetZoom} (or the zoom bar at
 * the top of a chart) to go back; hover a point for its values.
 *
 * <p>Style classes: {@code metrics-charts} on this node, {@code metrics-chart} on each chart,
 * {@code metrics-legend} on the legend; {@link #setDark} switches the {@code :dark} pseudo-class.
 *
 * <p>Use it on the JavaFX application thread only; the methods that change it throw elsewhere.
 */
public final class MetricsCharts extends VBox {

    /** The most points any one curve keeps for drawing. */
    public static final int MAX_POINTS_PER_SERIES = 4_000;

    /** The largest smoothing weight: 0.999 already averages over about a thousand steps. */
    public static final double MAX_SMOOTHING = 0.999;

    private final XYChart lossChart;
    private final XYChart accuracyChart;
    private final XYChart learningRateChart;
    private final DefaultNumericAxis lossAxis;

    private final ErrorDataSetRenderer lossRaw = ChartParts.lines();
    private final ErrorDataSetRenderer lossSmoothed = ChartParts.lines();
    private final ErrorDataSetRenderer accuracyRaw = ChartParts.lines();
    private final ErrorDataSetRenderer accuracySmoothed = ChartParts.lines();
    private final ErrorDataSetRenderer accuracyEpochs = ChartParts.lines().setDrawMarker(true);
    private final ErrorDataSetRenderer learningRate = ChartParts.lines();

    private final List<XYChart> charts;
    private final List<XValueIndicator> markers;
    private final List<Zoomer> zoomers = List.of(new Zoomer(), new Zoomer(), new Zoomer());
    private final RunLegend legend = new RunLegend();
    private final RunPalette palette = new RunPalette();
    private final Map<String, RunSeries> runs = new LinkedHashMap<>();
    private double smoothing;
    private boolean dark;

    public MetricsCharts() {
        lossAxis = ChartParts.axis("loss");
        lossChart = ChartParts.chart(lossAxis, lossRaw, lossSmoothed);
        accuracyChart = ChartParts.chart(ChartParts.axis("accuracy (%)"), accuracyRaw, accuracySmoothed,
                accuracyEpochs);
        learningRateChart = ChartParts.chart(ChartParts.axis("learning rate"), learningRate);
        charts = List.of(lossChart, accuracyChart, learningRateChart);
        markers = charts.stream().map(chart -> ChartParts.marker(chart.getXAxis())).toList();

        getStyleClass().add("metrics-charts");
        getStylesheets().add(ChartsStylesheet.URI);
        getChildren().add(legend);
        for (int i = 0; i < charts.size(); i++) {
            XYChart chart = charts.get(i);
            chart.getPlugins().addAll(zoomers.get(i), new DataPointTooltip());
            VBox.setVgrow(chart, Priority.ALWAYS);
            getChildren().add(chart);
        }
        ChartParts.alignPlotAreas(charts);
    }

    /**
     * Adds a run with no data yet and gives it the next colour; a run id seen before (and since
     * removed) gets its old colour back.
     *
     * @throws IllegalArgumentException if the run is already shown
     */
    public void addRun(String runId, String label) {
        requireFxThread();
        if (runs.containsKey(runId)) {
            throw new IllegalArgumentException("run " + runId + " is already shown");
        }
        Color colour = palette.assign(runId);
        RunSeries series = new RunSeries(label, colour, smoothing, MAX_POINTS_PER_SERIES);
        runs.put(runId, series);
        lossRaw.getDatasets().add(series.lossRaw.dataSet());
        lossSmoothed.getDatasets().add(series.lossSmoothed.dataSet());
        accuracyRaw.getDatasets().add(series.trainAccuracyRaw.dataSet());
        accuracySmoothed.getDatasets().add(series.trainAccuracySmoothed.dataSet());
        accuracyEpochs.getDatasets().addAll(series.testSoft.dataSet(), series.testSnapped.dataSet(),
                series.testSnappedBn.dataSet());
        learningRate.getDatasets().add(series.learningRate.dataSet());
        legend.add(runId, label, colour);
    }

    /** Takes a run off the charts; its colour stays reserved for it. Unknown ids are ignored. */
    public void removeRun(String runId) {
        requireFxThread();
        RunSeries series = runs.remove(runId);
        if (series == null) {
            return;
        }
        lossRaw.getDatasets().remove(series.lossRaw.dataSet());
        lossSmoothed.getDatasets().remove(series.lossSmoothed.dataSet());
        accuracyRaw.getDatasets().remove(series.trainAccuracyRaw.dataSet());
        accuracySmoothed.getDatasets().remove(series.trainAccuracySmoothed.dataSet());
        accuracyEpochs.getDatasets().removeAll(series.testSoft.dataSet(), series.testSnapped.dataSet(),
                series.testSnappedBn.dataSet());
        learningRate.getDatasets().remove(series.learningRate.dataSet());
        legend.remove(runId);
    }

    /** Removes every run and starts the colours over. */
    public void clear() {
        requireFxThread();
        for (String runId : List.copyOf(runs.keySet())) {
            removeRun(runId);
        }
        palette.reset();
    }

    /**
     * Appends per-step metrics; steps must come in increasing order.
     *
     * @throws IllegalArgumentException for a run not shown, or a step before one already appended
     */
    public void appendSteps(String runId, List<StepMetrics> steps) {
        requireFxThread();
        run(runId).appendSteps(steps);
    }

    /**
     * Appends per-epoch metrics, placed at each epoch's last step.
     *
     * @throws IllegalArgumentException for a run not shown, or an epoch before one already appended
     */
    public void appendEpochs(String runId, List<EpochMetrics> epochs) {
        requireFxThread();
        run(runId).appendEpochs(epochs);
    }

    /**
     * Sets the smoothing weight w of the loss and train-accuracy curves and recomputes them:
     * {@code s_t = w·s_{t−1} + (1−w)·x_t}, divided by {@code 1 − w^t}. 0 turns smoothing off; the
     * raw curves stay drawn, faint, either way.
     *
     * @param weight in [0, {@value #MAX_SMOOTHING}]
     */
    public void setSmoothing(double weight) {
        requireFxThread();
        if (!(weight >= 0 && weight <= MAX_SMOOTHING)) {
            throw new IllegalArgumentException("smoothing must be in [0, " + MAX_SMOOTHING + "], was " + weight);
        }
        if (weight == smoothing) {
            return;
        }
        smoothing = weight;
        for (RunSeries series : runs.values()) {
            series.resmooth(weight);
        }
    }

    public double getSmoothing() {
        return smoothing;
    }

    /** Shows the loss on a base-10 log axis, where late training (small losses) stays readable. */
    public void setLogLoss(boolean log) {
        requireFxThread();
        lossAxis.setLogAxis(log);
    }

    public boolean isLogLoss() {
        return lossAxis.isLogAxis();
    }

    /** Draws a vertical line at this step on every chart, e.g. the step a time scrubber points at. */
    public void setMarker(int step) {
        requireFxThread();
        for (int i = 0; i < charts.size(); i++) {
            XValueIndicator marker = markers.get(i);
            marker.setValue(step);
            if (!charts.get(i).getPlugins().contains(marker)) {
                charts.get(i).getPlugins().add(marker);
            }
        }
    }

    public void clearMarker() {
        requireFxThread();
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).getPlugins().remove(markers.get(i));
        }
    }

    /** Undoes every zoom and pan; the axes follow the data again. */
    public void resetZoom() {
        requireFxThread();
        for (Zoomer zoomer : zoomers) {
            zoomer.zoomOrigin();
        }
    }

    /** Switches the dark theme; run colours stay as they are, having been chosen to read on both. */
    public void setDark(boolean dark) {
        requireFxThread();
        this.dark = dark;
        pseudoClassStateChanged(ChartsStylesheet.DARK, dark);
    }

    public boolean isDark() {
        return dark;
    }

    /** Shows or hides the learning-rate chart (demo mode hides it; the others take its height). */
    public void setLearningRateShown(boolean shown) {
        requireFxThread();
        learningRateChart.setVisible(shown);
        learningRateChart.setManaged(shown);
    }

    /**
     * The run's colour, fixed when it was first added.
     *
     * @throws IllegalArgumentException for a run never added (or forgotten by {@link #clear})
     */
    public Color colorOf(String runId) {
        return palette.colorOf(runId);
    }

    /** The steps of a run's loss curve as drawn (empty if the run is not on the charts). */
    public int[] chartedSteps(String runId) {
        RunSeries series = series(runId);
        return series == null ? new int[0] : series.steps();
    }

    /** The steps of a run's epoch points as drawn (empty if the run is not on the charts). */
    public int[] chartedEpochSteps(String runId) {
        RunSeries series = series(runId);
        return series == null ? new int[0] : series.epochSteps();
    }

    List<XYChart> charts() {
        return charts;
    }

    XYChart lossChart() {
        return lossChart;
    }

    XYChart accuracyChart() {
        return accuracyChart;
    }

    XYChart learningRateChart() {
        return learningRateChart;
    }

    /** The run's curves, for tests. */
    RunSeries series(String runId) {
        return runs.get(runId);
    }

    private RunSeries run(String runId) {
        RunSeries series = runs.get(runId);
        if (series == null) {
            throw new IllegalArgumentException("run " + runId + " is not shown; addRun first");
        }
        return series;
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("MetricsCharts must be used on the JavaFX application thread");
        }
    }
}
