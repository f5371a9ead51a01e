package org.ringlab.ui.chartspane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;
import org.ringlab.ui.charts.ChartXAxis;
import org.ringlab.ui.charts.MetricsCharts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The charts pane of fxml/charts.fxml: the step/epoch switch and the gap chart's tab. */
@ExtendWith(ApplicationExtension.class)
class ChartsPaneTest {
    private MetricsCharts charts;
    private ChartsModel model;
    private Parent root;

    @Start
    void start(Stage stage) throws Exception {
        charts = new MetricsCharts();
        model = new ChartsModel(ChartsPane.drawingOn(charts));
        FXMLLoader loader = new FXMLLoader(ChartsPane.class.getResource("/fxml/charts.fxml"));
        loader.setControllerFactory(type -> new ChartsPane(model, charts));
        root = loader.load();
        // 1366×768 leaves the charts column about this much
        stage.setScene(new Scene(root, 520, 560));
        stage.show();
    }

    @Test
    void theEpochToggleSwitchesTheChartsXAxis(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendSteps("a", List.of(new StepMetrics(50, 1, 50, 100, 1.0, 60, 0.1)));
        });
        ToggleButton step = robot.lookup("#stepAxisButton").queryAs(ToggleButton.class);
        ToggleButton epoch = robot.lookup("#epochAxisButton").queryAs(ToggleButton.class);
        assertTrue(step.isSelected());
        assertEquals(ChartXAxis.STEP, charts.getXAxis());
        robot.clickOn(epoch);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ChartXAxis.EPOCH, charts.getXAxis());
        assertTrue(model.epochAxis.get());
        assertFalse(step.isSelected(), "one axis at a time");
        robot.clickOn(epoch); // a toggle group alone would leave neither selected
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(epoch.isSelected() && !step.isSelected(), "a second click keeps the epoch axis");
        assertEquals(ChartXAxis.EPOCH, charts.getXAxis());
        robot.clickOn(step);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ChartXAxis.STEP, charts.getXAxis());
        assertFalse(model.epochAxis.get());
        robot.interact(() -> model.epochAxis.set(true));
        assertTrue(epoch.isSelected() && !step.isSelected(), "the model moves the toggle");
        assertEquals(ChartXAxis.EPOCH, charts.getXAxis());
    }

    @Test
    void theGapChartHasATabAndReceivesEpochs(FxRobot robot) {
        TabPane tabs = robot.lookup("#chartTabs").queryAs(TabPane.class);
        Tab gap = tabs.getTabs().get(1);
        assertEquals("Quantization gap", gap.getText());
        robot.interact(() -> tabs.getSelectionModel().select(gap));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(charts.gapView().isVisible() && charts.gapView().getScene() != null);
        assertSame(charts.gapView(), ((javafx.scene.layout.StackPane) gap.getContent()).getChildren().get(0));
        robot.interact(() -> {
            charts.addRun("a", "a");
            charts.appendEpochs("a", List.of(new EpochMetrics(1, 100, 0.3, 95, 97.5, 95.0, 97.0, 0.1, 1, 1, 1)));
        });
        assertTrue(charts.gapView().getHeight() > 200, "the gap chart gets the tab's height: "
                + charts.gapView().getHeight());
    }

    @Test
    void theGapTabShowsEpochsAfterASwitchMadeWhileItWasHidden(FxRobot robot) {
        robot.interact(() -> {
            charts.addRun("a", "a");
            List<StepMetrics> steps = new java.util.ArrayList<>();
            for (int s = 1; s <= 300; s++) {
                steps.add(new StepMetrics(s, (s - 1) / 100 + 1, (s - 1) % 100 + 1, 100, 1.0, 60, 0.1));
            }
            charts.appendSteps("a", steps);
            charts.appendEpochs("a", List.of(new EpochMetrics(1, 100, 0.3, 95, 97.5, 95.0, 97.0, 0.1, 1, 1, 1),
                    new EpochMetrics(2, 200, 0.3, 95, 98.0, 96.0, 97.5, 0.1, 1, 1, 2),
                    new EpochMetrics(3, 300, 0.3, 95, 98.5, 97.0, 98.0, 0.1, 1, 1, 3)));
        });
        TabPane tabs = robot.lookup("#chartTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.clickOn("#epochAxisButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        io.fair_acc.chartfx.axes.Axis x = ((io.fair_acc.chartfx.XYChart) charts.gapView().getChildren().get(1))
                .getXAxis();
        assertTrue(x.getMin() <= 1 && x.getMax() >= 3 && x.getMax() < 10, "the gap's x-axis spans epochs 1–3, not "
                + "steps: " + x.getMin() + "–" + x.getMax());
    }

    @Test
    void theToolbarFitsTheNarrowColumnOf1366x768(FxRobot robot) {
        for (String id : List.of("#stepAxisButton", "#epochAxisButton", "#resetZoomButton", "#logLossBox")) {
            javafx.scene.control.Labeled control = robot.lookup(id).queryAs(javafx.scene.control.Labeled.class);
            assertTrue(control.getWidth() >= control.prefWidth(-1) - 0.5, id + " is not cut to an ellipsis: "
                    + control.getWidth() + " < " + control.prefWidth(-1));
        }
        javafx.scene.control.Label status = robot.lookup("#exportStatus").queryAs(javafx.scene.control.Label.class);
        assertFalse(status.isManaged(), "no export yet: the status line takes no room");
    }
}
