package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.service.InProcessTrainingService;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.train.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window headless: setup, validation, a short run, controls, scrubbing, themes. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {
    @TempDir
    static Path workspace;

    private TrainingService service;
    private MainController controller;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        service = new InProcessTrainingService(workspace);
        scene = RingLabApp.createScene(service);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    private static String sampleData() {
        return Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString();
    }

    @Test
    void invalidValuesAreFlaggedAndStartStaysDisabled(FxRobot robot) {
        TextField ringSize = robot.lookup("#ringSizeField").queryAs(TextField.class);
        Button start = robot.lookup("#startButton").queryButton();
        robot.interact(() -> controller.setup().data.set(sampleData()));
        assertFalse(start.isDisabled(), "valid defaults: " + controller.setup().problems());
        robot.clickOn(ringSize).eraseText(1).write("1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(start.isDisabled());
        assertTrue(ringSize.getStyleClass().contains("invalid"));
        assertTrue(robot.lookup("#problemsLabel").queryAs(Label.class).getText().contains("ring-size 1"));
        robot.interact(() -> controller.setup().lr.set("-0.1"));
        String problems = robot.lookup("#problemsLabel").queryAs(Label.class).getText();
        assertTrue(problems.contains("ring-size") && problems.contains("lr"), problems);
        robot.interact(() -> {
            controller.setup().ringSize.set("4");
            controller.setup().lr.set("0.001");
        });
        assertFalse(start.isDisabled());
        assertTrue(robot.lookup("#ringPreviewLabel").queryAs(Label.class).getText().contains("2 distinct levels"),
                "reference ring 4 has two levels");
    }

    @Test
    void aShortRunStreamsMetricsAndSnapshotsAndObeysTheControls(FxRobot robot) throws Exception {
        // 40 epochs: long enough that the run cannot finish on its own before the test stops it
        robot.interact(() -> {
            String json = "{\"data\": \"" + sampleData().replace("\\", "\\\\") + "\", \"limit-train\": 2560,"
                    + " \"limit-test\": 500, \"epochs\": 40, \"snapshot-every\": 5, \"bn-recal-batches\": 2}";
            assertNull(controller.setup().pasteJson(json));
        });
        robot.clickOn("#startButton");
        // submit runs on a service-call thread, not the FX thread: the run appears when it returns
        await(() -> service.runs().size() == 1);
        RunHandle run = service.runs().get(0);
        await(() -> run.history().epochs().size() >= 1);
        await(() -> robot.lookup("#layerBox").queryComboBox().getItems().size() == 5);
        ListView<?> runs = robot.lookup("#runsList").queryListView();
        await(() -> runs.getItems().size() == 1);

        robot.clickOn("#pauseButton");
        await(() -> run.status() == RunStatus.PAUSED);
        await(() -> robot.lookup("#statusLabel").queryAs(Label.class).getText().startsWith("paused"));
        int before = run.history().steps().size();
        robot.clickOn("#stepButton");
        await(() -> run.history().steps().size() == before + 1);
        Thread.sleep(300);
        assertEquals(before + 1, run.history().steps().size(), "one step, then paused");

        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        assertTrue(timeline.getMax() >= 2, "snapshots on the timeline");
        robot.interact(() -> timeline.setValue(0));
        String label = robot.lookup("#timelineLabel").queryAs(Label.class).getText();
        assertTrue(label.startsWith("step 0") && !label.contains("live"), label);

        ComboBox<String> layers = robot.lookup("#layerBox").queryComboBox();
        robot.interact(() -> layers.setValue("conv2"));
        robot.interact(() -> layers.setValue(MainController.ALL_LAYERS));

        robot.clickOn("#resumeButton");
        await(() -> run.history().steps().size() > before + 3);
        robot.clickOn("#stopButton");
        await(() -> run.status() == RunStatus.STOPPED);
        await(() -> robot.lookup("#statusLabel").queryAs(Label.class).getText().startsWith("stopped"));

        robot.clickOn("#viewMenu").clickOn("Dark theme (Ctrl+T)");
        assertTrue(scene.getRoot().getStyleClass().contains("dark"));
        robot.clickOn("#viewMenu").clickOn("Dark theme (Ctrl+T)");
        assertFalse(scene.getRoot().getStyleClass().contains("dark"));
    }

    @Test
    void finishedRunsCanBeOverlaidAndReplayed(FxRobot robot) throws Exception {
        String json = "{\"data\": \"" + sampleData().replace("\\", "\\\\") + "\", \"model\": \"mlp\","
                + " \"limit-train\": 640, \"limit-test\": 200, \"epochs\": 2, \"snapshot-every\": 2,"
                + " \"bn-recal-batches\": 2}";
        robot.interact(() -> assertNull(controller.setup().pasteJson(json)));
        robot.clickOn("#startButton");
        await(() -> service.runs().size() == 1 && service.runs().get(0).status() == RunStatus.FINISHED);
        robot.interact(() -> controller.setup().seed.set("7"));
        robot.clickOn("#startButton");
        await(() -> service.runs().size() == 2 && service.runs().get(1).status() == RunStatus.FINISHED);
        ListView<?> runs = robot.lookup("#runsList").queryListView();
        robot.interact(() -> runs.getSelectionModel().selectAll());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#statusLabel").queryAs(Label.class).getText();
        assertFalse(status.startsWith("display error"), status);
        assertTrue(runs.getItems().get(0).toString() != null);
        List<Path> dirs = service.runs().stream().map(RunHandle::directory).toList();
        Path figures = workspace.resolve("exported");
        robot.interact(() -> controller.exportTo(dirs, figures));
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        await(() -> message.getText().startsWith("exported") || message.getText().startsWith("export failed"));
        assertTrue(message.getText().startsWith("exported"), message.getText());
        assertTrue(java.nio.file.Files.isRegularFile(figures.resolve("accuracy.svg")));
        assertTrue(java.nio.file.Files.isRegularFile(figures.resolve("comparison.tex")));
        robot.clickOn("#playButton");
        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        await(() -> timeline.getValue() >= timeline.getMax() - 0.5);
        assertTrue(timeline.getMax() >= 5, "10 steps / 2 + the first: " + timeline.getMax());
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
