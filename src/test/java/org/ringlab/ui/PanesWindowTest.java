package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shell puts every pane in the window and wires it: the toolbar still fits, demo mode still hides the setup. */
@ExtendWith(ApplicationExtension.class)
class PanesWindowTest {
    private final ScriptedService service = new ScriptedService();
    private Scene scene;
    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        scene = RingLabApp.createScene(service);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void everyPaneIsInTheWindowAndTheToolbarKeepsItsButtonsWhole(FxRobot robot) throws Exception {
        for (String id : List.of("#startButton", "#restartWorkerButton", "#deviceLabel", "#connectButton", "#runsList",
                "#exportButton", "#queueList", "#chartsPane", "#smoothingSlider", "#layerBox", "#ringViewPane",
                "#weightHistogramPane", "#playButton", "#timeline", "#methodBox", "#messageLabel")) {
            assertNotNull(robot.lookup(id).tryQuery().orElse(null), id + " is missing");
        }
        assertTrue(robot.lookup("#ringViewPane").queryAs(javafx.scene.layout.StackPane.class).getChildren().size() == 2,
                "the ring view and the latent view share the ring pane");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "cpu (scripted)".equals(robot.lookup("#deviceLabel").queryAs(Label.class).getText()));
        assertFalse(robot.lookup("#restartWorkerButton").queryButton().isVisible(), "the worker is alive");
        ToolBar toolbar = robot.lookup(".run-controls").queryAs(ToolBar.class);
        Node overflow = toolbar.lookup(".tool-bar-overflow-button");
        assertTrue(overflow == null || !overflow.isVisible(), "no toolbar item went into the overflow menu");
        for (String id : List.of("#startButton", "#pauseButton", "#resumeButton", "#stepButton", "#stopButton",
                "#compareButton", "#connectButton")) {
            Button b = robot.lookup(id).queryButton();
            assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, id + " is cut: " + b.getWidth() + " < " + b.prefWidth(-1));
        }
        assertEquals("ready", robot.lookup("#statusLabel").queryAs(Label.class).getText());
    }

    @Test
    void demoModeHidesTheSetupAndBringsItBack(FxRobot robot) {
        BorderPane root = (BorderPane) scene.getRoot();
        Node setup = root.getLeft();
        assertNotNull(setup);
        robot.interact(controller::toggleDemo);
        assertNull(root.getLeft());
        assertTrue(root.getStyleClass().contains("demo"));
        robot.interact(controller::toggleDemo);
        assertSame(setup, root.getLeft());
        assertFalse(root.getStyleClass().contains("demo"));
        robot.interact(controller::toggleTheme);
        assertTrue(root.getStyleClass().contains("dark"));
        assertTrue(controller.charts().isDark());
    }
}
