package org.ringlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.AbstractRenderer;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The accuracy chart's encoding, its fitted range, the step/epoch axis, the gap chart and Export…. */
@ExtendWith(ApplicationExtension.class)
class AccuracyAndGapChartsTest {

    private static final int STEPS_PER_EPOCH = 100;

    private MetricsCharts charts;

    @Start
    void start(Stage stage) {
        charts = new MetricsCharts();
        stage.setScene(new Scene(new javafx.scene.layout.HBox(charts, charts.gapView()), 1200, 700));
        stage.show();
    }

    private static List<StepMetrics> steps(int first, int last) {
        List<StepMetrics> steps = new ArrayList<>();
        for (int step = first; step <= last; step++) {
            int epoch = (step - 1) / STEPS_PER_EPOCH + 1;
            int inEpoch = (step - 1) % STEPS_PER_EPOCH + 1;
            steps.add(new StepMetrics(step, epoch, inEpoch, STEPS_PER_EPOCH, 2.0 / step, 10 + 80.0 * step / last,
                    0.01));
        }
        return steps;
    }

    private static EpochMetrics epoch(int epoch, double soft, double snapped, double snappedBn) {
        return new EpochMetrics(epoch, epoch * STEPS_PER_EPOCH, 0.3, 95, soft, snapped, snappedBn, 0.01, 1000, 5,
                5.0 * epoch);
    }

    private static double[] xs(DataSet data) {
        return Arrays.copyOf(data.getValues(DataSet.DIM_X), data.getDataCount());
    }

    private static double[] ys(DataSet data) {
        return Arrays.copyOf(data.getValues(DataSet.DIM_Y), data.getDataCount());
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

    private static int rendererOf(XYChart chart, DataSet dataSet) {
        for (int i = 0; i < chart.getRenderers().size(); i++) {
            if (chart.getRenderers().get(i).getDatasets().contains(dataSet)) {
                return i;
            }
        }
        throw new AssertionError(dataSet.getName() + " is not on the chart");
    }

    @Test
    void theGapChartReceivesEachEpochsGaps(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("ring", "ring-4");
            charts.addRun("fp32", "FP32");
            charts.appendEpochs("ring", List.of(epoch(1, 97.0, 92.5, 96.0), epoch(2, 98.0, 97.5, 97.75)));
            charts.appendEpochs("fp32", List.of(epoch(1, 98.0, Double.NaN, Double.NaN)));
        });
        robot.interact(() -> charts.appendEpochs("ring", List.of(epoch(3, 98.83, 97.12, 98.39))));
        RunSeries ring = charts.series("ring");
        XYChart gap = charts.gapChart();
        assertTrue(gap.getRenderers().get(0).getDatasets().containsAll(List.of(ring.gapSoft.dataSet(),
                ring.gapBn.dataSet())), "both gaps are on the gap chart");
        assertArrayEquals(new double[] {4.5, 0.5, 1.71}, ys(ring.gapSoft.dataSet()), 1e-9, "soft − snapped");
        assertArrayEquals(new double[] {3.5, 0.25, 1.27}, ys(ring.gapBn.dataSet()), 1e-9, "snapped+BN − snapped");
        assertArrayEquals(new double[] {100, 200, 300}, xs(ring.gapSoft.dataSet()), 1e-9, "at each epoch's end");
        assertEquals(0, charts.series("fp32").gapSoft.dataSet().getDataCount(), "FP32 snaps nothing: no gap");
        assertEquals(charts.colorOf("ring"), nodeOf(gap, ring.gapSoft.dataSet()).getLineColor(),
                "the gap of a run is drawn in its colour");
    }

    @Test
    void eachAccuracyHasItsOwnColourFamilyAndMarker(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.addRun("b", "b");
            charts.appendSteps("a", steps(1, 200));
            charts.appendEpochs("a", List.of(epoch(1, 97, 95, 96), epoch(2, 98, 97, 97.5)));
            charts.appendEpochs("b", List.of(epoch(1, 96, 94, 95)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        XYChart chart = charts.accuracyChart();
        RunSeries a = charts.series("a");
        RunSeries b = charts.series("b");
        Color soft = (Color) nodeOf(chart, a.testSoft.dataSet()).getLineColor();
        Color snapped = (Color) nodeOf(chart, a.testSnapped.dataSet()).getLineColor();
        Color bn = (Color) nodeOf(chart, a.testSnappedBn.dataSet()).getLineColor();
        Color train = (Color) nodeOf(chart, a.trainAccuracySmoothed.dataSet()).getLineColor();
        // families: clearly different hues within a run (Okabe–Ito blue, vermillion, bluish green); train is grey
        assertTrue(hueDistance(soft, snapped) > 30 && hueDistance(soft, bn) > 30 && hueDistance(snapped, bn) > 30,
                soft + " " + snapped + " " + bn);
        assertTrue(train.getSaturation() < 0.05, "train accuracy is grey: " + train);
        Set<Object> markers = new HashSet<>();
        for (DrawnSeries s : List.of(a.testSoft, a.testSnapped, a.testSnappedBn)) {
            markers.add(nodeOf(chart, s.dataSet()).getMarkerType());
        }
        assertEquals(3, markers.size(), "one marker shape per metric: " + markers);
        // a second run: the same family (hue), another shade
        Color softB = (Color) nodeOf(chart, b.testSoft.dataSet()).getLineColor();
        assertNotEquals(soft, softB);
        assertTrue(hueDistance(soft, softB) < 15, soft + " vs " + softB);
        assertEquals(nodeOf(chart, a.testSnapped.dataSet()).getMarkerType(),
                nodeOf(chart, b.testSnapped.dataSet()).getMarkerType(), "the marker tells the metric, not the run");
    }

    private static double hueDistance(Color p, Color q) {
        double d = Math.abs(p.getHue() - q.getHue()) % 360;
        return Math.min(d, 360 - d);
    }

    @Test
    void perStepTrainingAccuracyIsAFaintLayerUnderTheTestPoints(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendSteps("a", steps(1, 200));
            charts.appendEpochs("a", List.of(epoch(1, 97, 95, 96)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        XYChart chart = charts.accuracyChart();
        RunSeries a = charts.series("a");
        int raw = rendererOf(chart, a.trainAccuracyRaw.dataSet());
        int smoothed = rendererOf(chart, a.trainAccuracySmoothed.dataSet());
        int test = rendererOf(chart, a.testSoft.dataSet());
        assertTrue(raw < test && smoothed < test, "renderers draw in order: training first, test points on top");
        assertTrue(((Color) nodeOf(chart, a.trainAccuracyRaw.dataSet()).getLineColor()).getOpacity() < 0.3,
                "the per-step layer is faint");
    }

    @Test
    void theAccuracyAxisIsFittedToTheTestPoints(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendSteps("a", steps(1, 300)); // training accuracy from 10 % up
        });
        WaitForAsyncUtils.waitForFxEvents();
        DefaultNumericAxis axis = (DefaultNumericAxis) charts.accuracyChart().getYAxis();
        assertTrue(axis.isAutoRanging(), "no test point yet: the axis follows the data");
        robot.interact(() -> charts.appendEpochs("a", List.of(epoch(1, 97.2, 95.1, 96.4), epoch(2, 98.8, 97.1, 98.4))));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(axis.isAutoRanging());
        double span = 98.8 - 95.1;
        assertEquals(95.1 - AccuracyRange.PADDING * span, axis.getMin(), 1e-9, "a little room under the lowest");
        assertEquals(98.8 + AccuracyRange.PADDING * span, axis.getMax(), 1e-9, "and over the highest");
        robot.interact(() -> charts.appendEpochs("a", List.of(epoch(3, 99.9, 99.0, 99.5))));
        assertEquals(100, axis.getMax(), 1e-9, "never above 100 %");
        robot.interact(() -> charts.removeRun("a"));
        assertTrue(axis.isAutoRanging(), "no points left: back to following the data");
    }

    @Test
    void theStepEpochSwitchMovesEveryX(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendSteps("a", steps(1, 150));
            charts.appendEpochs("a", List.of(epoch(1, 97, 95, 96)));
            charts.setMarker(150);
        });
        RunSeries a = charts.series("a");
        assertEquals(100, xs(a.testSoft.dataSet())[0], 1e-9, "in steps, the epoch point is at its last step");
        assertEquals(150, xs(a.lossRaw.dataSet())[149], 1e-9);
        assertEquals(0.01, ys(a.learningRate.dataSet())[0], 0, "the learning rate as given, not via a float");
        robot.interact(() -> charts.setXAxis(ChartXAxis.EPOCH));
        assertEquals(1, xs(a.testSoft.dataSet())[0], 1e-9, "in epochs, at the epoch");
        assertEquals(1, xs(a.gapSoft.dataSet())[0], 1e-9, "the gap chart too");
        assertEquals(0.01, xs(a.lossRaw.dataSet())[0], 1e-9, "step 1 of 100 is 1/100 of an epoch in");
        assertEquals(1.5, xs(a.lossRaw.dataSet())[149], 1e-9);
        assertEquals(1.5, xs(a.trainAccuracySmoothed.dataSet())[149], 1e-9);
        assertEquals(1.5, xs(a.learningRate.dataSet())[149], 1e-9);
        assertEquals("epoch", charts.accuracyChart().getXAxis().getName());
        robot.interact(() -> charts.appendSteps("a", steps(151, 160)));
        assertEquals(1.6, xs(a.lossRaw.dataSet())[159], 1e-9, "new steps arrive in epochs");
        robot.interact(() -> charts.setXAxis(ChartXAxis.STEP));
        assertEquals(160, xs(a.lossRaw.dataSet())[159], 1e-9, "and back");
        assertEquals(100, xs(a.testSnapped.dataSet())[0], 1e-9);
        assertEquals("step", charts.lossChart().getXAxis().getName());
    }

    @Test
    void valueLabelsShowEveryEpochPointsValueWhenAsked(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendEpochs("a", List.of(epoch(1, 90.0, 80.0, 85.0), epoch(2, 98.84, 97.12, 98.39)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(charts.accuracyLabels().texts().isEmpty(), "off by default: values on hover only");
        robot.interact(() -> charts.setShowValueLabels(true));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = charts.accuracyLabels().texts().stream().map(Text::getText).toList();
        assertTrue(shown.containsAll(List.of("98.8", "97.1", "98.4")), "the newest values: " + shown);
        assertTrue(shown.containsAll(List.of("90.0", "80.0", "85.0")), "and the older, far apart: " + shown);
        double small = charts.accuracyLabels().texts().get(0).getFont().getSize();
        assertEquals(11, small, 0.01, "a point below the window's default 12 px");
        robot.interact(() -> charts.setValueLabelFontPx(24));
        WaitForAsyncUtils.waitForFxEvents();
        for (Text text : charts.accuracyLabels().texts()) {
            assertEquals(22, text.getFont().getSize(), 0.01, "demo mode's 24 px reaches the labels: " + text.getText());
        }
        robot.interact(() -> charts.setShowValueLabels(false));
        assertTrue(charts.accuracyLabels().texts().isEmpty());
    }

    @Test
    void everyChartOffersExportAndWritesItsFigure(FxRobot robot, @TempDir Path dir) throws Exception {
        List<String> messages = new ArrayList<>();
        robot.interact(() -> {
            charts.setExportExecutor(Runnable::run);
            charts.setOnExportMessage(messages::add);
            charts.addRun("a", "ring-4");
            charts.appendSteps("a", steps(1, 200));
            charts.appendEpochs("a", List.of(epoch(1, 97, 95, 96), epoch(2, 98, 97, 97.5)));
        });
        for (XYChart chart : charts.allCharts()) {
            ContextMenu menu = (ContextMenu) chart.getProperties().get(ContextMenu.class);
            assertEquals("Export…", menu.getItems().get(0).getText());
        }
        for (ChartKind kind : ChartKind.values()) {
            Path file = dir.resolve(kind.fileName() + ".svg");
            robot.interact(() -> charts.export(kind, file));
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> Files.exists(file));
            String svg = Files.readString(file);
            assertTrue(svg.contains("<svg"), kind + " is an SVG");
        }
        String gap = Files.readString(dir.resolve("quantization-gap.svg"));
        assertTrue(gap.contains("soft − snapped") && gap.contains("gap (percentage points)"), "the gap figure's legend");
        assertTrue(Files.readString(dir.resolve("accuracy.svg")).contains("test snapped"));
        robot.interact(() -> charts.export(ChartKind.LOSS, dir.resolve("no-extension")));
        Path png = dir.resolve("no-extension.png");
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> Files.exists(png));
        assertEquals(0x89, Files.readAllBytes(png)[0] & 0xff, "a name without extension gets a PNG, named so");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("Exported "), messages.get(0));
    }

    @Test
    void exportWithNoRunSaysSo(FxRobot robot, @TempDir Path dir) {
        List<String> messages = new ArrayList<>();
        robot.interact(() -> {
            charts.setOnExportMessage(messages::add);
            charts.export(ChartKind.GAP, dir.resolve("gap.pdf"));
        });
        assertEquals(List.of("Export: no runs on the charts to export"), messages);
        assertFalse(Files.exists(dir.resolve("gap.pdf")));
    }
}
