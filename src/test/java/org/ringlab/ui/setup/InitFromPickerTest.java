package org.ringlab.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.config.Settings;
import org.ringlab.service.RunHandle;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.FakeRunHandle;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The "Initialise from" row's picker over the window's runs: finished FP32 runs only, by name, setting the id. */
@ExtendWith(ApplicationExtension.class)
class InitFromPickerTest {
    private final List<RunHandle> runs = new ArrayList<>();
    private SetupController controller;
    private Parent root;

    @Start
    void start(Stage stage) throws Exception {
        FXMLLoader loader = new FXMLLoader(InitFromPickerTest.class.getResource("/fxml/setup.fxml"));
        root = loader.load();
        controller = loader.getController();
        controller.initFromRuns(() -> List.copyOf(runs));
        stage.setScene(new Scene(root, 520, 900));
        stage.show();
    }

    private static RunHandle run(String id, String name, Method method, RunStatus status) {
        RunConfig config = RunConfig.defaults().toBuilder().method(method).model(ModelKind.LENET).build();
        return new FakeRunHandle(id, name, config, Path.of("runs", id), status);
    }

    @Test
    void listsTheFinishedFp32RunsAndChoosingOneSetsInitFrom(FxRobot robot) {
        runs.add(run("7", "lenet fp32", Method.FP32, RunStatus.FINISHED));
        runs.add(run("8", "lenet ring", Method.RING_STE, RunStatus.FINISHED));
        runs.add(run("9", "fp32 still training", Method.FP32, RunStatus.RUNNING));
        MenuButton picker = (MenuButton) root.lookup("#initFromRunsButton");
        TextField field = (TextField) controller.editorOf(Settings.INIT_FROM);
        assertSame(field.getParent(), picker.getParent(), "in the Initialise from row");
        assertNull(controller.model().config().initFrom());

        robot.clickOn(picker);
        List<String> labels = picker.getItems().stream().map(MenuItem::getText).toList();
        assertEquals(List.of("lenet fp32  (run 7, lenet)"), labels);
        robot.clickOn("lenet fp32  (run 7, lenet)");

        assertEquals("7", controller.model().config().initFrom(), "the run's id: init-from's workspace run");
        assertEquals("7", field.getText());
    }

    @Test
    void saysSoWhenNoRunQualifies(FxRobot robot) {
        runs.add(run("3", "ring only", Method.RING_STE, RunStatus.FINISHED));
        MenuButton picker = (MenuButton) root.lookup("#initFromRunsButton");
        robot.clickOn(picker);
        assertEquals(1, picker.getItems().size());
        MenuItem none = picker.getItems().get(0);
        assertTrue(none.isDisable() && none.getText().startsWith("no finished FP32 run"), none.getText());
        robot.interact(picker::hide);
        assertNull(controller.model().config().initFrom());
    }
}
