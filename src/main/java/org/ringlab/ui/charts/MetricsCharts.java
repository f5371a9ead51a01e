package org.ringlab.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.ringlab.figures.Figure;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.FigureWriter;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;

/**
 * Live training curves of one or more runs, stacked on a common x-axis (steps or epochs,
 * {@link #setXAxis}): loss, accuracy and learning rate, with one legend for all three; and the
 * quantization-gap chart ({@link #gapView}), which the window shows in a tab of its own.
 *
 * <ul>
 *   <li><b>loss</b>: per-step loss, faint, under its smoothed curve; optionally on a log axis.
 *   <li><b>accuracy (%)</b>: per-step train accuracy, faint and smoothed, in grey, under the
 *       per-epoch test accuracies at each epoch's end: soft, snapped, snapped with BatchNorm
 *       re-estimated, each in its own colour family and marker ({@link AccuracyMetric}). The y-range
 *       is fitted to the test points, so the 95–99 % band where the differences are is not squashed.
 *   <li><b>learning rate</b> per step.
 *   <li><b>gap (pp)</b>: per epoch soft − snapped and snapped + BN − snapped ({@link QuantizationGap}).
 * </ul>
 *
 * <p>Each run keeps one colour from {@link #colorOf} on the loss, learning-rate and gap charts, and
 * a shade of each family on the accuracy chart. Epoch values show on hover, and beside every point
 * while {@link #showValueLabelsProperty} is set (demo mode). Right-click a chart for Export…, which
 * writes it as a paper figure off the JavaFX thread. Smoothing is TensorBoard's
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
    private final XYChart gapChart;
    private final VBox gapView;
    private final ScalarsChart scalarsView = new ScalarsChart();
    private final DefaultNumericAxis lossAxis;
    private final DefaultNumericAxis accuracyAxis;

    private final ErrorDataSetRenderer lossRaw = ChartParts.lines();
    private final ErrorDataSetRenderer lossSmoothed = ChartParts.lines();
    private final ErrorDataSetRenderer accuracyRaw = ChartParts.lines();
    private final ErrorDataSetRenderer accuracySmoothed = ChartParts.lines();
    private final ErrorDataSetRenderer accuracyEpochs = ChartParts.lines().setDrawMarker(true);
    private final ErrorDataSetRenderer learningRate = ChartParts.lines();
    private final ErrorDataSetRenderer gaps = ChartParts.lines().setDrawMarker(true);

    /** The stacked charts, which share the x-axis's alignment. */
    private final List<XYChart> charts;
    /** Every chart: the stacked ones and the gap chart. */
    private final List<XYChart> allCharts;
    private final List<XValueIndicator> markers;
    private final List<Zoomer> zoomers = List.of(new Zoomer(), new Zoomer(), new Zoomer(), new Zoomer());
    private final ValueLabels accuracyLabels = new ValueLabels();
    private final ValueLabels gapLabels = new ValueLabels();
    private final BooleanProperty showValueLabels = new SimpleBooleanProperty(this, "showValueLabels");
    private final RunLegend legend = new RunLegend();
    private final RunPalette palette = new RunPalette();
    private final Map<String, RunSeries> runs = new LinkedHashMap<>();
    /** Each run's curves and the renderer that draws each, in drawing order. */
    private final Map<String, List<Placement>> placements = new LinkedHashMap<>();
    private double smoothing;
    private boolean dark;
    private ChartXAxis xAxis = ChartXAxis.STEP;
    private int markerStep = -1;
    private Executor exportExecutor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "chart-export");
        thread.setDaemon(true);
        return thread;
    });
    private Consumer<String> exportMessages = message -> { };

    public MetricsCharts() {
        lossAxis = ChartParts.axis("loss");
        lossChart = ChartParts.chart(lossAxis, lossRaw, lossSmoothed);
        accuracyAxis = ChartParts.axis("accuracy (%)");
        // drawn in this order: the faint per-step layer, the smoothed train curve, then the test points on top
        accuracyChart = ChartParts.chart(accuracyAxis, accuracyRaw, accuracySmoothed, accuracyEpochs);
        learningRateChart = ChartParts.chart(ChartParts.axis("learning rate"), learningRate);
        DefaultNumericAxis gapAxis = ChartParts.axis("gap (pp)");
        gapAxis.setForceZeroInRange(true);
        gapChart = ChartParts.chart(gapAxis, gaps);
        charts = List.of(lossChart, accuracyChart, learningRateChart);
        allCharts = List.of(lossChart, accuracyChart, learningRateChart, gapChart);
        markers = allCharts.stream().map(chart -> ChartParts.marker(chart.getXAxis())).toList();

        getStyleClass().add("metrics-charts");
        getStylesheets().add(ChartsStylesheet.URI);
        getChildren().add(legend);
        for (int i = 0; i < allCharts.size(); i++) {
            XYChart chart = allCharts.get(i);
            chart.getPlugins().addAll(zoomers.get(i), new DataPointTooltip());
            VBox.setVgrow(chart, Priority.ALWAYS);
        }
        getChildren().addAll(charts);
        ChartParts.alignPlotAreas(charts);
        accuracyChart.getPlugins().add(accuracyLabels);
        gapChart.getPlugins().add(gapLabels);
        YValueIndicator zero = new YValueIndicator(gapAxis, 0);
        zero.setEditable(false);
        gapChart.getPlugins().add(zero);
        showValueLabels.addListener((obs, was, now) -> {
            accuracyLabels.setShown(now);
            gapLabels.setShown(now);
        });
        addExportMenu(lossChart, ChartKind.LOSS);
        addExportMenu(accuracyChart, ChartKind.ACCURACY);
        addExportMenu(learningRateChart, ChartKind.LEARNING_RATE);
        addExportMenu(gapChart, ChartKind.GAP);

        Label gapKey = new Label("per epoch and run (run colours as in the legend): soft − snapped (solid, ●),"
                + " snapped + BN − snapped (dotted); above 0 snapping loses accuracy");
        gapKey.getStyleClass().add("metrics-gap-key");
        gapKey.setWrapText(true);
        gapKey.setMinHeight(Region.USE_PREF_SIZE);
        gapView = new VBox(gapKey, gapChart);

        gapView.getStyleClass().addAll("metrics-charts", "metrics-gap-view");
        gapView.getStylesheets().add(ChartsStylesheet.URI);
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
        int index = palette.indexOf(runId);
        RunSeries series = new RunSeries(label, colour, index, smoothing, xAxis, MAX_POINTS_PER_SERIES);
        runs.put(runId, series);
        placements.put(runId, List.of(new Placement(lossRaw, series.lossRaw.dataSet()),
                new Placement(lossSmoothed, series.lossSmoothed.dataSet()),
                new Placement(accuracyRaw, series.trainAccuracyRaw.dataSet()),
                new Placement(accuracySmoothed, series.trainAccuracySmoothed.dataSet()),
                new Placement(accuracyEpochs, series.testSoft.dataSet()),
                new Placement(accuracyEpochs, series.testSnapped.dataSet()),
                new Placement(accuracyEpochs, series.testSnappedBn.dataSet()),
                new Placement(learningRate, series.learningRate.dataSet()),
                new Placement(gaps, series.gapSoft.dataSet()),
                new Placement(gaps, series.gapBn.dataSet())));
        attachDrawn();
        accuracyLabels.add(series.testSoft.dataSet(), AccuracyMetric.SOFT.colour(index), "%.1f");
        accuracyLabels.add(series.testSnapped.dataSet(), AccuracyMetric.SNAPPED.colour(index), "%.1f");
        accuracyLabels.add(series.testSnappedBn.dataSet(), AccuracyMetric.SNAPPED_BN.colour(index), "%.1f");
        gapLabels.add(series.gapSoft.dataSet(), colour, "%+.2f");
        gapLabels.add(series.gapBn.dataSet(), colour, "%+.2f");
        legend.add(runId, label, colour);
    }

    /** Takes a run off the charts; its colour stays reserved for it. Unknown ids are ignored. */
    public void removeRun(String runId) {
        requireFxThread();
        RunSeries series = runs.remove(runId);
        if (series == null) {
            return;
        }
        for (Placement placement : placements.remove(runId)) {
            placement.renderer().getDatasets().remove(placement.dataSet());
        }
        for (DrawnSeries drawn : List.of(series.testSoft, series.testSnapped, series.testSnappedBn)) {
            accuracyLabels.remove(drawn.dataSet());
        }
        gapLabels.remove(series.gapSoft.dataSet());
        gapLabels.remove(series.gapBn.dataSet());
        legend.remove(runId);
        fitAccuracyRange();
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
        attachDrawn();
    }

    /**
     * Appends per-epoch metrics, placed at each epoch's last step.
     *
     * @throws IllegalArgumentException for a run not shown, or an epoch before one already appended
     */
    public void appendEpochs(String runId, List<EpochMetrics> epochs) {
        requireFxThread();
        if (epochs.isEmpty()) {
            return;
        }
        run(runId).appendEpochs(epochs);
        attachDrawn();
        fitAccuracyRange();
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
        markerStep = step;
        double x = xOfStep(step);
        for (int i = 0; i < allCharts.size(); i++) {
            XValueIndicator marker = markers.get(i);
            marker.setValue(x);
            if (!allCharts.get(i).getPlugins().contains(marker)) {
                allCharts.get(i).getPlugins().add(marker);
            }
        }
    }

    public void clearMarker() {
        requireFxThread();
        markerStep = -1;
        for (int i = 0; i < allCharts.size(); i++) {
            allCharts.get(i).getPlugins().remove(markers.get(i));
        }
    }

    /** Undoes every zoom and pan; the axes follow the data again. */
    public void resetZoom() {
        requireFxThread();
        for (Zoomer zoomer : zoomers) {
            zoomer.zoomOrigin();
        }
        fitAccuracyRange();
    }

    /**
     * Counts the x-axis of every chart in steps or in epochs; runs of different lengths line up by
     * epoch. Redraws every curve once (full resolution is kept for this).
     */
    public void setXAxis(ChartXAxis axis) {
        requireFxThread();
        if (axis == xAxis) {
            return;
        }
        xAxis = axis;
        for (RunSeries series : runs.values()) {
            series.setXAxis(axis);
        }
        attachDrawn();
        for (XYChart chart : allCharts) {
            chart.getXAxis().setName(axis.title());
            // the old range must not survive on a chart laid out later (the gap tab, hidden now)
            chart.getXAxis().invalidateRange();
        }
        if (markerStep >= 0) {
            setMarker(markerStep);
        }
    }

    public ChartXAxis getXAxis() {
        return xAxis;
    }

    /**
     * Whether every epoch point on the accuracy and gap charts carries its value as text, for talks
     * (the demo mode binds it); off, values show on hover only.
     */
    /** The value labels' size follows the window's font (11 px at its default 12). */
    public void setValueLabelFontPx(double windowPx) {
        double px = windowPx * 11 / 12;
        accuracyLabels.setFontPx(px);
        gapLabels.setFontPx(px);
    }

    public BooleanProperty showValueLabelsProperty() {
        return showValueLabels;
    }

    public boolean isShowValueLabels() {
        return showValueLabels.get();
    }

    public void setShowValueLabels(boolean show) {
        showValueLabels.set(show);
    }

    /** The quantization-gap chart with its key, for the window to place (a tab of the charts pane). */
    /** The shown run's method scalars over training, which the window shows in a tab of its own. */
    public ScalarsChart scalarsView() {
        return scalarsView;
    }

    public VBox gapView() {
        return gapView;
    }

    /**
     * Recomputes the gap chart's axes and redraws it: a chart in a hidden tab may keep an axis range
     * from before its data changed (seen after a step/epoch switch), so the window calls this on
     * showing it.
     */
    public void redrawGapChart() {
        requireFxThread();
        gapChart.getXAxis().invalidateRange();
        gapChart.getYAxis().invalidateRange();
        gapChart.invalidate();
    }

    /** Where Export… reports what it wrote or why it could not, on the JavaFX thread (e.g. a status line). */
    public void setOnExportMessage(Consumer<String> messages) {
        exportMessages = messages;
    }

    /**
     * Writes a chart's data as a paper figure (SVG, PDF or 300-dpi PNG by the file's extension, PNG
     * with ".png" added when it has none; one column wide), on a background thread; the outcome goes
     * to {@link #setOnExportMessage}.
     */
    public void export(ChartKind kind, Path chosen) {
        requireFxThread();
        FigureFormat format = formatOf(chosen);
        // a name typed without an extension gets the PNG it is written as
        Path file = chosen.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + format.id())
                ? chosen : chosen.resolveSibling(chosen.getFileName() + "." + format.id());
        Figure figure;
        try {
            figure = ChartFigures.of(kind, figureRuns(), smoothing);
        } catch (IllegalArgumentException e) {
            exportMessages.accept("Export: " + e.getMessage());
            return;
        }
        exportExecutor.execute(() -> {
            String message;
            try {
                FigureWriter.write(figure, format, FigureSize.of(FigureSize.SINGLE_COLUMN, null, 300), file);
                message = "Exported " + file;
            } catch (IOException | RuntimeException e) {
                message = "Could not export " + file + ": " + e.getMessage();
            }
            String done = message;
            Platform.runLater(() -> exportMessages.accept(done));
        });
    }

    /** Where Export… writes (tests give a direct executor). */
    void setExportExecutor(Executor executor) {
        exportExecutor = executor;
    }

    private List<ChartFigures.Run> figureRuns() {
        List<ChartFigures.Run> out = new ArrayList<>();
        for (RunSeries series : runs.values()) {
            out.add(new ChartFigures.Run(series.label, series.epochs(), series.stepRecords()));
        }
        return out;
    }

    static FigureFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FigureFormat format : FigureFormat.values()) {
            if (name.endsWith("." + format.id())) {
                return format;
            }
        }
        return FigureFormat.PNG;
    }

    private void addExportMenu(XYChart chart, ChartKind kind) {
        MenuItem export = new MenuItem("Export…");
        export.setOnAction(event -> chooseAndExport(chart, kind));
        ContextMenu menu = new ContextMenu(export);
        chart.setOnContextMenuRequested(event -> menu.show(chart, event.getScreenX(), event.getScreenY()));
        chart.getProperties().put(ContextMenu.class, menu);
    }

    // the chooser is modal but writes nothing: the writing happens in export(), off this thread
    private void chooseAndExport(XYChart chart, ChartKind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the " + kind.fileName() + " chart as a figure");
        chooser.setInitialFileName(kind.fileName() + ".pdf");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("PDF (vector, fonts embedded)", "*.pdf"),
                new FileChooser.ExtensionFilter("SVG (vector)", "*.svg"),
                new FileChooser.ExtensionFilter("PNG (300 dpi)", "*.png"));
        java.io.File file = chooser.showSaveDialog(chart.getScene() == null ? null : chart.getScene().getWindow());
        if (file != null) {
            export(kind, file.toPath());
        }
    }

    /** Fits the accuracy axis to the test points with a little room; the axis follows all data until the first epoch. */
    private void fitAccuracyRange() {
        List<DataSet> points = new ArrayList<>();
        for (RunSeries series : runs.values()) {
            points.addAll(List.of(series.testSoft.dataSet(), series.testSnapped.dataSet(),
                    series.testSnappedBn.dataSet()));
        }
        double[] range = AccuracyRange.fit(points);
        if (range == null) {
            accuracyAxis.setAutoRanging(true);
            return;
        }
        if (accuracyAxis.isAutoRanging() || accuracyAxis.getMin() != range[0] || accuracyAxis.getMax() != range[1]) {
            accuracyAxis.setAutoRanging(false);
            accuracyAxis.set(range[0], range[1]);
            accuracyAxis.requestAxisLayout();
        }
    }

    private double xOfStep(int step) {
        for (RunSeries series : runs.values()) {
            double x = series.xOfStep(step);
            if (Double.isFinite(x)) {
                return x;
            }
        }
        return xAxis == ChartXAxis.STEP ? step : 0;
    }

    /** Switches the dark theme; run colours stay as they are, having been chosen to read on both. */
    public void setDark(boolean dark) {
        requireFxThread();
        this.dark = dark;
        pseudoClassStateChanged(ChartsStylesheet.DARK, dark);
        gapView.pseudoClassStateChanged(ChartsStylesheet.DARK, dark);
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

    /** The three stacked charts. */
    List<XYChart> charts() {
        return charts;
    }

    /** The stacked charts and the gap chart. */
    List<XYChart> allCharts() {
        return allCharts;
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

    XYChart gapChart() {
        return gapChart;
    }

    ValueLabels accuracyLabels() {
        return accuracyLabels;
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

    /** A curve and the renderer that draws it. */
    private record Placement(ErrorDataSetRenderer renderer, DoubleDataSet dataSet) {
    }

    /**
     * Hands each curve to its renderer once it has a point. Why not at once: ChartFX 11.3 lays out
     * and repaints a chart on every JavaFX pulse while one of its renderers holds an empty data set
     * (its auto-range finds nothing to settle on), which kept the window pulsing 60 times a second,
     * repainting the accuracy chart, for as long as a run had not finished its first epoch (its
     * epoch points) or forever (the gap chart of an FP32 run). Measured with the pulse count that
     * {@code -Dringlab.autorun} prints: about 60 pulses a second before, a few after.
     */
    private void attachDrawn() {
        for (List<Placement> run : placements.values()) {
            for (Placement placement : run) {
                if (placement.dataSet().getDataCount() > 0 && !placement.renderer().getDatasets().contains(placement.dataSet())) {
                    placement.renderer().getDatasets().add(placement.dataSet());
                }
            }
        }
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("MetricsCharts must be used on the JavaFX application thread");
        }
    }
}
