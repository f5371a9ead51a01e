package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.AbstractAxisParameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.ringview.RingView;
import org.ringlab.ui.talk.CheatSheet;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Talk mode in the window: demo mode's font size on the chart ticks, the toolbar at 1366 px, the
 * F1 cheat sheet, the learning-rate chart hidden and the metric strip following the shown epoch.
 */
@ExtendWith(ApplicationExtension.class)
class TalkModeWindowTest {
    private final ScriptedService service = new ScriptedService();
    private Scene scene;
    private Stage stage;
    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // a remote GPU worker's device line, the longest the toolbar shows
        service.device = "CUDA 0: NVIDIA H100 80GB HBM3, PyTorch 2.7.1 (worker gpu-node-17:50051)";
        scene = RingLabApp.createScene(service);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        controller.setup().data.set(Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString());
        stage.setScene(scene);
        stage.show();
    }

    /** Sets the window to width × height, out of full screen (demo mode's full screen is the headless screen's size). */
    private void windowOf(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setFullScreen(false);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<AbstractAxisParameter> axes() {
        List<AbstractAxisParameter> out = new ArrayList<>();
        for (Node chart : controller.charts().lookupAll(".metrics-chart")) {
            ((XYChart) chart).getAxes().forEach(a -> out.add((AbstractAxisParameter) a));
        }
        return out;
    }

    private double smallestAxisFont(FxRobot robot) {
        double[] smallest = {Double.MAX_VALUE};
        robot.interact(() -> {
            for (AbstractAxisParameter axis : axes()) {
                smallest[0] = Math.min(smallest[0], axis.getTickLabelStyle().getFont().getSize());
                smallest[0] = Math.min(smallest[0], axis.getAxisLabel().getFont().getSize());
            }
        });
        return smallest[0];
    }

    private XYChart chartNamed(String yName) {
        return controller.charts().lookupAll(".metrics-chart").stream().map(XYChart.class::cast)
                .filter(c -> yName.equals(((AbstractAxisParameter) c.getYAxis()).getName())).findFirst().orElseThrow();
    }

    @Test
    void demoModeSetsChartTicksAndTitlesToAtLeast24PxOnA1080LineWindow(FxRobot robot) throws Exception {
        windowOf(robot, 1920, 1080);
        double before = smallestAxisFont(robot);
        assertEquals(12, before, 0.01, "outside demo mode the ticks take the window's font size");
        double lossAxisWidth = ((javafx.scene.layout.Region) chartNamed("loss").getYAxis()).getWidth();

        robot.interact(controller::toggleDemo);
        windowOf(robot, 1920, 1080);
        assertEquals(24, controller.fontPx(), 0.01);
        double demo = smallestAxisFont(robot);
        assertTrue(demo >= 24, "tick labels and axis titles in demo mode: " + demo + " px");
        assertTrue(((javafx.scene.layout.Region) chartNamed("loss").getYAxis()).getWidth() > lossAxisWidth,
                "the larger ticks are laid out, not only styled");
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        assertTrue(status.getFont().getSize() >= 24, "toolbar text " + status.getFont().getSize());
        RingView ring = robot.lookup(n -> n instanceof RingView).query();
        assertTrue(ring.getWindowFontPx() >= 24, "ring view text in demo mode: " + ring.getWindowFontPx());

        robot.interact(controller::toggleDemo);
        assertEquals(12, smallestAxisFont(robot), 0.01, "back to the window's size after demo mode");
    }

    @Test
    void theFontSizeSettingScalesTicksOutsideDemoModeToo(FxRobot robot) throws Exception {
        robot.interact(() -> controller.control().fontSize.set(16));
        assertEquals(16, smallestAxisFont(robot), 0.01);
        assertEquals(16, robot.lookup("#startButton").queryButton().getFont().getSize(), 0.01);
        RingView ring = robot.lookup(n -> n instanceof RingView).query();
        assertEquals(16, ring.getWindowFontPx(), 0.01, "the ring view's readout and legend follow the setting");
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, smallestAxisFont(robot), 0.01, "Ctrl+- steps down one size");
    }

    @Test
    void theToolbarFits1366PxInAndOutOfDemoMode(FxRobot robot) throws Exception {
        robot.interact(() -> {
            controller.control().progressText.set("epoch 12/200 · step 123456/1000000 · 1234 img/s · 2 h 13 min left");
            controller.control().status.set("running (worker gpu-node-17, resumed from step 120000)");
        });
        windowOf(robot, 1366, 768);
        assertEverythingOnTheToolbar(robot, "before demo mode");
        robot.interact(controller::toggleDemo);
        // full screen on a large screen first, then the laptop's: the toolbar must give way as it shrinks
        windowOf(robot, 1920, 1080);
        assertEverythingOnTheToolbar(robot, "in demo mode at 1920 px");
        windowOf(robot, 1366, 768);
        assertTrue(controller.fontPx() >= 17, "demo mode's size at 768 lines: " + controller.fontPx());
        assertEverythingOnTheToolbar(robot, "in demo mode");
        robot.interact(controller::toggleDemo);
        windowOf(robot, 1366, 768);
        assertEverythingOnTheToolbar(robot, "after demo mode");
    }

    @Test
    void aDeadWorkersRestartButtonFitsTheToolbarToo(FxRobot robot) throws Exception {
        robot.interact(() -> {
            controller.control().progressText.set("epoch 12/200 · step 123456/1000000 · 1234 img/s · 2 h 13 min left");
            controller.control().status.set("running (worker gpu-node-17, resumed from step 120000)");
        });
        windowOf(robot, 1366, 768);
        assertEverythingOnTheToolbar(robot, "worker alive");
        service.alive = false;
        Node restart = robot.lookup("#restartWorkerButton").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, restart::isVisible);
        assertEverythingOnTheToolbar(robot, "worker dead");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> restart.getScene() == scene);
        Bounds b = restart.localToScene(restart.getLayoutBounds());
        assertTrue(b.getMaxX() <= scene.getWidth() + 0.5, "Restart worker spans " + b.getMinX() + "–" + b.getMaxX()
                + " of " + scene.getWidth());
        robot.interact(controller::toggleDemo);
        windowOf(robot, 1366, 768);
        assertEverythingOnTheToolbar(robot, "worker dead, demo mode");
        b = restart.localToScene(restart.getLayoutBounds());
        assertTrue(restart.getScene() == scene && b.getMaxX() <= scene.getWidth() + 0.5,
                "demo mode: Restart worker spans " + b.getMinX() + "–" + b.getMaxX() + " of " + scene.getWidth());
    }

    private void assertEverythingOnTheToolbar(FxRobot robot, String when) throws Exception {
        ToolBar toolbar = robot.lookup(".run-controls").queryAs(ToolBar.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> service.device.equals(((Label) toolbar.lookup("#deviceLabel")).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        Node overflow = toolbar.lookup(".tool-bar-overflow-button");
        assertTrue(overflow == null || !overflow.isVisible(), when + ": an item went into the overflow menu: "
                + toolbar.getItems().stream().map(n -> n.getId() + "=" + Math.round(n.prefWidth(-1)) + (n.getScene() == null ? "(out)" : ""))
                .collect(Collectors.joining(", ")) + " in " + toolbar.getWidth() + " font " + controller.fontPx());
        for (String id : List.of("#startButton", "#pauseButton", "#resumeButton", "#stepButton", "#stopButton",
                "#progressLabel", "#statusLabel", "#deviceLabel", "#connectButton", "#compareButton", "#viewMenu")) {
            Node node = toolbar.lookup(id);
            assertNotNull(node, when + ": " + id + " is not on the toolbar");
            assertTrue(node.isVisible() && node.getScene() == scene, when + ": " + id + " is not shown");
            Bounds b = node.localToScene(node.getLayoutBounds());
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= scene.getWidth() + 0.5,
                    when + ": " + id + " spans " + b.getMinX() + "–" + b.getMaxX() + " of " + scene.getWidth());
        }
    }

    @Test
    void f1OpensACheatSheetOfTheShortcutsTheWindowHas(FxRobot robot) throws Exception {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sheet() != null);
        Set<String> shown = sheet().getScene().getRoot().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).collect(Collectors.toSet());
        assertTrue(scene.getAccelerators().size() >= 8, "the window's shortcuts: " + scene.getAccelerators().keySet());
        for (KeyCombination keys : scene.getAccelerators().keySet()) {
            assertTrue(shown.contains(keys.getDisplayText()), keys.getDisplayText() + " missing from " + shown);
        }
        assertTrue(shown.contains("Stop the current run"), shown.toString());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sheet() == null);
        assertFalse(controller.cheatSheet().isShowing());
    }

    private static Window sheet() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && CheatSheet.TITLE.equals(s.getTitle()))
                .findFirst().orElse(null);
    }

    @Test
    void demoModeHidesTheLearningRateChartAndShowsTheMetricStrip(FxRobot robot) throws Exception {
        Node strip = robot.lookup("#metricStrip").query();
        assertTrue(chartNamed("learning rate").isVisible());
        assertFalse(strip.isVisible());
        robot.interact(controller::toggleDemo);
        assertFalse(chartNamed("learning rate").isVisible());
        assertFalse(chartNamed("learning rate").isManaged(), "its height goes to the other charts");
        assertTrue(strip.isVisible());
        assertTrue(controller.charts().showValueLabelsProperty().get(), "epoch points labelled in demo mode");
        robot.interact(controller::toggleDemo);
        assertTrue(chartNamed("learning rate").isVisible());
        assertFalse(strip.isVisible());
        assertFalse(controller.charts().showValueLabelsProperty().get());
    }

    @Test
    void theMetricStripShowsTheLiveEpochAndTheScrubbedOne(FxRobot robot) throws Exception {
        // the runs list sits in the setup panel, which demo mode hides
        @SuppressWarnings("unchecked")
        ListView<LiveRun> runs = robot.lookup("#runsList").queryAs(ListView.class);
        robot.interact(controller::toggleDemo);
        windowOf(robot, 1920, 1080);
        assertEquals("—", text(robot, "#metricSoft"), "no run yet");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        LiveRun run = runs.getItems().get(0);
        int ring = run.handle.config().ringSize();
        EpochMetrics first = new EpochMetrics(1, 100, 0.3, 91, 97.5, 91.25, 96.75, 1e-3, 500, 10, 10);
        EpochMetrics second = new EpochMetrics(2, 200, 0.2, 95, 98.83, 97.12, 98.39, 1e-3, 500, 10, 20);
        for (int step : new int[] {50, 150, 250}) {
            PositionSnapshot snap = new PositionSnapshot(step, step / 100 + 1, step / 100.0, List.of(new LayerSnapshot(
                    "fc1", ring, 4, 1, new int[ring * 4], new long[ring], Double.NaN, 0, 0)));
            run.handle.history().onSnapshot(snap);
            run.inbox.onSnapshot(snap);
        }
        for (EpochMetrics e : List.of(first, second)) {
            run.handle.history().onEpoch(e);
            run.inbox.onEpoch(e);
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "98.83 %".equals(text(robot, "#metricSoft")));
        assertEquals("97.12 %", text(robot, "#metricSnapped"));
        assertEquals("98.39 %", text(robot, "#metricSnappedBn"));
        assertEquals("epoch 2", text(robot, "#metricEpoch"));

        // the timeline scrubbed to step 150 (mid-epoch 2): epoch 1's figures, the newest by then
        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> timeline.getMax() == 2);
        robot.interact(() -> timeline.setValue(1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "97.50 %".equals(text(robot, "#metricSoft")));
        assertEquals("91.25 %", text(robot, "#metricSnapped"));
        assertEquals("96.75 %", text(robot, "#metricSnappedBn"));
        assertEquals("epoch 1 (timeline)", text(robot, "#metricEpoch"));
        robot.interact(() -> timeline.setValue(0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "—".equals(text(robot, "#metricSoft")));
        robot.interact(() -> timeline.setValue(2));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "98.83 %".equals(text(robot, "#metricSoft")));
    }

    @Test
    void theTimelineSaysLiveOnlyWhileTheRunTrains(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<LiveRun> runs = robot.lookup("#runsList").queryAs(ListView.class);
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        LiveRun run = runs.getItems().get(0);
        int ring = run.handle.config().ringSize();
        PositionSnapshot snap = new PositionSnapshot(100, 1, 1.0, List.of(new LayerSnapshot(
                "fc1", ring, 4, 1, new int[ring * 4], new long[ring], Double.NaN, 0, 0)));
        run.handle.history().onSnapshot(snap);
        run.inbox.onSnapshot(snap);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#timelineLabel").endsWith("(live)"));

        // the run ends with no snapshot after its last: the label follows the status alone
        ((FakeRunHandle) run.handle).set(RunStatus.FINISHED);
        run.inbox.onStatus(RunStatus.FINISHED, "");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !text(robot, "#timelineLabel").contains("live"));
        assertEquals("step 100 · epoch 1.00", text(robot, "#timelineLabel"));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
