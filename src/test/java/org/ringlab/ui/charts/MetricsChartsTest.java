package org.ringlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.AbstractRenderer;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.figures.Ema;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MetricsChartsTest {

    private static final int STEPS_PER_EPOCH = 391;

    private MetricsCharts charts;

    @Start
    void start(Stage stage) {
        charts = new MetricsCharts();
        stage.setScene(new Scene(charts, 900, 600));
        stage.show();
    }

    /** Steps first..first+count−1 of a noisy, falling training curve. */
    private static List<StepMetrics> steps(int first, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<StepMetrics> steps = new ArrayList<>(count);
        for (int step = first; step < first + count; step++) {
            int epoch = (step - 1) / STEPS_PER_EPOCH + 1;
            int inEpoch = (step - 1) % STEPS_PER_EPOCH + 1;
            double loss = 2.3 * Math.exp(-step / 5_000.0) + random.nextDouble(0, 0.5);
            double accuracy = 100 - 90 * Math.exp(-step / 5_000.0) - random.nextDouble(0, 10);
            steps.add(new StepMetrics(step, epoch, inEpoch, STEPS_PER_EPOCH, loss, accuracy, 0.1));
        }
        return steps;
    }

    /** Epochs 1..count, with snapped accuracies unless the run is FP32. */
    private static List<EpochMetrics> epochs(int count, boolean fp32) {
        List<EpochMetrics> epochs = new ArrayList<>(count);
        for (int epoch = 1; epoch <= count; epoch++) {
            double soft = 90 - 60 * Math.exp(-epoch / 5.0);
            epochs.add(new EpochMetrics(epoch, epoch * STEPS_PER_EPOCH, 1.0, soft, soft,
                    fp32 ? Double.NaN : soft - 8, fp32 ? Double.NaN : soft - 2, 0.1, 1_000, 60, 60.0 * epoch));
        }
        return epochs;
    }

    private static double[] ys(DataSet dataSet) {
        return Arrays.copyOf(dataSet.getValues(DataSet.DIM_Y), dataSet.getDataCount());
    }

    private static DataSetNode nodeOf(XYChart chart, DataSet dataSet) {
        for (Renderer renderer : chart.getRenderers()) {
            for (DataSetNode node : ((AbstractRenderer<?>) renderer).getDatasetNodes()) {
                if (node.getDataSet() == dataSet) {
                    return node;
                }
            }
        }
        throw new AssertionError(dataSet.getName() + " is not on the chart");
    }

    @Test
    void emptyBatchesLeaveTheChartsAlone(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendSteps("a", steps(1, 10, 3));
            charts.appendEpochs("a", epochs(1, false));
        });
        RunSeries a = charts.series("a");
        List<DrawnSeries> all = List.of(a.lossRaw, a.lossSmoothed, a.trainAccuracyRaw, a.trainAccuracySmoothed,
                a.learningRate, a.testSoft, a.testSnapped, a.testSnappedBn, a.gapSoft, a.gapBn);
        int[] before = all.stream().mapToInt(DrawnSeries::publications).toArray();
        assertTrue(Arrays.stream(before).allMatch(n -> n == 1), Arrays.toString(before));
        // a frame that brought only a snapshot or a status change appends empty lists
        robot.interact(() -> {
            charts.appendSteps("a", List.of());
            charts.appendEpochs("a", List.of());
        });
        assertArrayEquals(before, all.stream().mapToInt(DrawnSeries::publications).toArray(),
                "nothing new, nothing handed to ChartFX to redraw");
    }

    @Test
    void appendedStepsAndEpochsFillTheirDataSets(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("ring", "ring-4");
            charts.addRun("fp32", "FP32");
            charts.appendSteps("ring", steps(1, 3 * STEPS_PER_EPOCH, 1));
            charts.appendEpochs("ring", epochs(3, false));
            charts.appendSteps("fp32", steps(1, 100, 2));
            charts.appendEpochs("fp32", epochs(2, true));
        });
        RunSeries ring = charts.series("ring");
        for (DrawnSeries perStep : List.of(ring.lossRaw, ring.lossSmoothed, ring.trainAccuracyRaw,
                ring.trainAccuracySmoothed, ring.learningRate)) {
            assertEquals(3 * STEPS_PER_EPOCH, perStep.dataSet().getDataCount(), perStep.dataSet().getName());
        }
        for (DrawnSeries perEpoch : List.of(ring.testSoft, ring.testSnapped, ring.testSnappedBn)) {
            assertEquals(3, perEpoch.dataSet().getDataCount(), perEpoch.dataSet().getName());
        }
        assertEquals(2 * STEPS_PER_EPOCH, ring.testSoft.dataSet().get(DataSet.DIM_X, 1),
                "an epoch sits at its last step");

        RunSeries fp32 = charts.series("fp32");
        assertEquals(100, fp32.lossRaw.dataSet().getDataCount());
        assertEquals(2, fp32.testSoft.dataSet().getDataCount());
        assertEquals(0, fp32.testSnapped.dataSet().getDataCount(), "nothing snapped in FP32");
        assertEquals(0, fp32.testSnappedBn.dataSet().getDataCount());

        assertTrue(charts.lossChart().getAllDatasets().contains(ring.lossSmoothed.dataSet()));
        assertTrue(charts.accuracyChart().getAllDatasets().contains(ring.testSnappedBn.dataSet()));
        assertTrue(charts.learningRateChart().getAllDatasets().contains(fp32.learningRate.dataSet()));
    }

    @Test
    void smoothingChangesTheSmoothedCurveButNotTheRawOne(FxRobot robot) {
        List<StepMetrics> steps = steps(1, 500, 3);
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendSteps("a", steps);
        });
        RunSeries a = charts.series("a");
        double[] raw = ys(a.lossRaw.dataSet());
        assertArrayEquals(raw, ys(a.lossSmoothed.dataSet()), 1e-6, "weight 0 draws the raw values");

        robot.interact(() -> charts.setSmoothing(0.9));
        assertArrayEquals(raw, ys(a.lossRaw.dataSet()), "the raw curve is untouched");
        double[] smoothed = ys(a.lossSmoothed.dataSet());
        Ema ema = new Ema(0.9);
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(ema.next(steps.get(i).loss()), smoothed[i], 1e-5, "smoothed loss at step " + (i + 1));
        }
        assertNotEquals(ys(a.trainAccuracyRaw.dataSet())[10], ys(a.trainAccuracySmoothed.dataSet())[10],
                "train accuracy is smoothed too");
    }

    @Test
    void smoothingLiveGivesTheSameCurveAsSmoothingAfterwards(FxRobot robot) {
        List<StepMetrics> steps = steps(1, 300, 4);
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.setSmoothing(0.8);
            charts.appendSteps("a", steps.subList(0, 120));
            charts.appendSteps("a", steps.subList(120, 300));
        });
        double[] live = ys(charts.series("a").lossSmoothed.dataSet());
        robot.interact(() -> {
            charts.setSmoothing(0);
            charts.setSmoothing(0.8);
        });
        assertArrayEquals(live, ys(charts.series("a").lossSmoothed.dataSet()));
    }

    @Test
    void theMarkerStandsAtItsStepOnEveryChart(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendSteps("a", steps(1, 2_000, 5));
            charts.setMarker(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> sceneXs = new ArrayList<>();
        robot.interact(() -> {
            // the stacked charts this test's scene shows; the gap chart lives in the charts pane's tab
            for (XYChart chart : charts.charts()) {
                List<Line> lines = chart.lookupAll(".value-indicator-line").stream()
                        .map(Line.class::cast).filter(Node::isVisible).toList();
                assertEquals(1, lines.size(), "one marker line");
                Line line = lines.get(0);
                Axis xAxis = chart.getXAxis();
                Point2D expected = ((Node) xAxis).localToScene(xAxis.getDisplayPosition(700), 0);
                double actual = line.localToScene(line.getStartX(), line.getStartY()).getX();
                assertEquals(expected.getX(), actual, 0.5, "marker at step 700");
                sceneXs.add(actual);
            }
        });
        assertEquals(sceneXs.get(0), sceneXs.get(1), 0.5, "loss and accuracy plots line up");
        assertEquals(sceneXs.get(0), sceneXs.get(2), 0.5, "loss and learning-rate plots line up");

        robot.interact(() -> charts.clearMarker());
        for (XYChart chart : charts.charts()) {
            assertTrue(chart.getPlugins().stream().noneMatch(XValueIndicator.class::isInstance));
        }
    }

    @Test
    void twoRunsAreDrawnInTwoColours(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "run a");
            charts.addRun("b", "run b");
            charts.appendSteps("a", steps(1, 50, 6));
            charts.appendSteps("b", steps(1, 50, 7));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Color a = charts.colorOf("a");
        Color b = charts.colorOf("b");
        assertNotEquals(a, b);
        assertEquals(a, nodeOf(charts.lossChart(), charts.series("a").lossSmoothed.dataSet()).getLineColor());
        assertEquals(b, nodeOf(charts.lossChart(), charts.series("b").lossSmoothed.dataSet()).getLineColor());
        Color faint = (Color) nodeOf(charts.lossChart(), charts.series("b").lossRaw.dataSet()).getLineColor();
        assertEquals(b.getHue(), faint.getHue(), 1, "the raw curve is the run's colour");
        assertTrue(faint.getOpacity() < 0.5, "and faint");
        Set<Color> swatches = charts.lookupAll(".metrics-legend-run").stream()
                .map(node -> (Color) ((Line) ((Label) node).getGraphic()).getStroke())
                .collect(Collectors.toSet());
        assertEquals(Set.of(a, b), swatches, "the legend names both runs in their colours");
    }

    @Test
    void snappedCurvesAreDashedAndDotted(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendEpochs("a", epochs(2, false));
        });
        WaitForAsyncUtils.waitForFxEvents();
        RunSeries a = charts.series("a");
        assertTrue(nodeOf(charts.accuracyChart(), a.testSoft.dataSet()).getLineDashes() == null, "soft: solid");
        double[] snapped = nodeOf(charts.accuracyChart(), a.testSnapped.dataSet()).getLineDashes();
        double[] snappedBn = nodeOf(charts.accuracyChart(), a.testSnappedBn.dataSet()).getLineDashes();
        assertTrue(snapped != null && snappedBn != null && !Arrays.equals(snapped, snappedBn),
                "snapped and snapped + BN each have their own dashes");
    }

    @Test
    void aLongRunKeepsTheDrawnPointsUnderTheCap(FxRobot robot) {
        int epochs = 200;
        robot.interact(() -> {
            charts.addRun("long", "long");
            // one append per epoch, as a live run delivers them
            for (int epoch = 0; epoch < epochs; epoch++) {
                charts.appendSteps("long", steps(epoch * STEPS_PER_EPOCH + 1, STEPS_PER_EPOCH, epoch));
            }
            charts.appendEpochs("long", epochs(epochs, false));
            charts.setSmoothing(0.95);
        });
        RunSeries run = charts.series("long");
        for (DrawnSeries perStep : List.of(run.lossRaw, run.lossSmoothed, run.trainAccuracyRaw,
                run.trainAccuracySmoothed, run.learningRate)) {
            DataSet dataSet = perStep.dataSet();
            assertTrue(dataSet.getDataCount() <= 4_000, dataSet.getName() + " draws " + dataSet.getDataCount());
            assertEquals(epochs * STEPS_PER_EPOCH, dataSet.get(DataSet.DIM_X, dataSet.getDataCount() - 1),
                    dataSet.getName() + " reaches the last step");
        }
        assertTrue(run.lossRaw.dataSet().getDataCount() > 2_000, "the cap is used, not squandered");
        assertEquals(epochs, run.testSoft.dataSet().getDataCount());
    }

    @Test
    void axesAreLabelledAndTheLossAxisCanBeLogarithmic(FxRobot robot) {
        assertEquals(List.of("loss", "accuracy (%)", "learning rate"),
                charts.charts().stream().map(chart -> chart.getYAxis().getName()).toList());
        assertTrue(charts.charts().stream().allMatch(chart -> chart.getXAxis().getName().equals("step")));
        assertFalse(charts.lossChart().getYAxis().isLogAxis());
        robot.interact(() -> charts.setLogLoss(true));
        assertTrue(charts.lossChart().getYAxis().isLogAxis());
        assertFalse(charts.accuracyChart().getYAxis().isLogAxis());
    }

    @Test
    void dragZoomsAndResetZoomReturnsToTheData(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendSteps("a", steps(1, 2_000, 8));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Axis xAxis = charts.lossChart().getXAxis();
        double fullWidth = xAxis.getMax() - xAxis.getMin();
        Region plot = charts.lossChart().getPlotArea();
        Point2D from = plot.localToScreen(plot.getWidth() * 0.3, plot.getHeight() * 0.3);
        Point2D to = plot.localToScreen(plot.getWidth() * 0.6, plot.getHeight() * 0.7);
        robot.drag(from).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(xAxis.getMax() - xAxis.getMin() < 0.5 * fullWidth, "zoomed in");

        robot.interact(() -> charts.resetZoom());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fullWidth, xAxis.getMax() - xAxis.getMin(), 1e-6, "back to the whole run");
    }

    @Test
    void theDarkThemeRestylesThePlotButNotTheRuns(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendSteps("a", steps(1, 20, 9));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Region background = (Region) charts.lossChart().lookup(".chart-plot-background");
        Color light = backgroundOf(background);
        robot.interact(() -> charts.setDark(true));
        WaitForAsyncUtils.waitForFxEvents();
        Color dark = backgroundOf(background);
        assertTrue(dark.getBrightness() < 0.3, "dark plot background, was " + light + ", now " + dark);
        assertEquals(charts.colorOf("a"),
                nodeOf(charts.lossChart(), charts.series("a").lossSmoothed.dataSet()).getLineColor());
    }

    private static Color backgroundOf(Region region) {
        return region.getBackground() == null || region.getBackground().getFills().isEmpty()
                ? Color.TRANSPARENT
                : (Color) region.getBackground().getFills().get(0).getFill();
    }

    @Test
    void aRemovedRunLeavesTheChartsAndKeepsItsColour(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.addRun("b", "b");
        });
        DataSet lossOfA = charts.series("a").lossSmoothed.dataSet();
        Color colourOfA = charts.colorOf("a");
        robot.interact(() -> charts.removeRun("a"));
        assertFalse(charts.lossChart().getAllDatasets().contains(lossOfA));
        assertEquals(1, charts.lookupAll(".metrics-legend-run").size());
        robot.interact(() -> charts.addRun("a", "a again"));
        assertEquals(colourOfA, charts.colorOf("a"));

        robot.interact(() -> charts.clear());
        assertTrue(charts.charts().stream().allMatch(chart -> chart.getAllDatasets().isEmpty()));
        assertThrows(IllegalArgumentException.class, () -> charts.colorOf("a"), "clear starts the colours over");
    }

    @Test
    void misuseIsRejected(FxRobot robot) {
        assertThrows(IllegalStateException.class, () -> charts.addRun("x", "off the FX thread"));
        robot.interact(() -> {
            assertThrows(IllegalArgumentException.class, () -> charts.appendSteps("nobody", List.of()));
            charts.addRun("a", "a");
            assertThrows(IllegalArgumentException.class, () -> charts.addRun("a", "twice"));
            assertThrows(IllegalArgumentException.class, () -> charts.setSmoothing(1.0));
            assertThrows(IllegalArgumentException.class, () -> charts.setSmoothing(-0.1));
        });
    }

    @Test
    void aBatchThatGoesBackIsRejectedWhole(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendSteps("a", steps(1, 10, 10));
            List<StepMetrics> goesBack = new ArrayList<>(steps(11, 5, 11));
            goesBack.addAll(steps(3, 1, 12));
            assertThrows(IllegalArgumentException.class, () -> charts.appendSteps("a", goesBack));
            charts.appendEpochs("a", epochs(2, false));
            assertThrows(IllegalArgumentException.class, () -> charts.appendEpochs("a", epochs(1, false)));
        });
        assertEquals(10, charts.series("a").lossRaw.dataSet().getDataCount());
        assertEquals(2, charts.series("a").testSoft.dataSet().getDataCount());
        robot.interact(() -> charts.appendSteps("a", steps(11, 5, 13)));
        assertEquals(15, charts.series("a").lossSmoothed.dataSet().getDataCount(), "the run goes on");
    }

    @Test
    void hoveringAPointShowsItsValues(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "ring-4");
            charts.appendEpochs("a", epochs(4, false));
        });
        WaitForAsyncUtils.waitForFxEvents();
        XYChart chart = charts.accuracyChart();
        DataSet soft = charts.series("a").testSoft.dataSet();
        Node xAxis = (Node) chart.getXAxis();
        Node yAxis = (Node) chart.getYAxis();
        double x = chart.getXAxis().getDisplayPosition(soft.get(DataSet.DIM_X, 2));
        double y = chart.getYAxis().getDisplayPosition(soft.get(DataSet.DIM_Y, 2));
        robot.moveTo(new Point2D(xAxis.localToScreen(x, 0).getX(), yAxis.localToScreen(0, y).getY()));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> tooltips = chart.lookupAll(".chart-datapoint-tooltip-label").stream()
                .filter(Node::isVisible).map(node -> ((Label) node).getText()).toList();
        assertEquals(1, tooltips.size(), "one tooltip");
        assertTrue(tooltips.get(0).contains("ring-4 test soft"), tooltips.get(0));
    }

    /**
     * No renderer holds an empty data set: ChartFX 11.3 repaints such a chart on every JavaFX pulse,
     * which kept the real window (GTK, software rendering) pulsing 60 times a second until a run's
     * first epoch ended. Headless Monocle does not show the repaints, so this checks the cause; the
     * effect is the pulse count that scripts/window-throughput.sh prints (issue #11).
     */
    @Test
    void curvesReachTheirRenderersOnlyOnceTheyHavePoints(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("r1", "ring");
            charts.appendSteps("r1", steps(1, 200, 1));
        });
        robot.interact(() -> {
            for (XYChart chart : charts.allCharts()) {
                for (var renderer : chart.getRenderers()) {
                    for (DataSet set : renderer.getDatasets()) {
                        assertTrue(set.getDataCount() > 0, set.getName() + " is empty but drawn");
                    }
                }
            }
            assertFalse(charts.accuracyChart().getRenderers().stream()
                    .anyMatch(r -> r.getDatasets().contains(charts.series("r1").testSoft.dataSet())));
        });
        robot.interact(() -> charts.appendEpochs("r1", epochs(1, false)));
        robot.interact(() -> assertTrue(charts.accuracyChart().getRenderers().stream()
                .anyMatch(r -> r.getDatasets().contains(charts.series("r1").testSoft.dataSet())),
                "epoch points drawn once they exist"));
    }
}
