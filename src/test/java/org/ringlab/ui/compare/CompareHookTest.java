package org.ringlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.ui.MainController;
import org.ringlab.ui.RingLabApp;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window's "Compare" button opens the comparison window, whose sweep queues runs into the runs list. */
@ExtendWith(ApplicationExtension.class)
class CompareHookTest {
    private final FakeService service = new FakeService();
    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        Scene scene = RingLabApp.createScene(service);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aSweepFromTheCompareWindowFillsTheRunsList(FxRobot robot) throws Exception {
        String data = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString();
        robot.interact(() -> controller.setup().data.set(data));
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#comparisonTable").tryQuery().isPresent());
        robot.clickOn("#sweepButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#queueButton").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#seedsField").queryAs(TextField.class).setText("1,2"));
        robot.interact(() -> robot.lookup("#ringSizesField").queryAs(TextField.class).setText("4"));
        robot.clickOn("#queueButton");
        ListView<?> runs = robot.lookup("#runsList").queryListView();
        // the runs are submitted off the JavaFX thread; the list fills when the service has answered
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, service.submitted.size());
        assertEquals(data, service.submitted.get(0).data(), "the base is the run setup");
        assertEquals(2, runs.getItems().size());
        assertTrue(robot.lookup("#queueButton").tryQuery().isEmpty() || !robot.lookup("#queueButton").query()
                .getScene().getWindow().isShowing(), "the dialog closes once the runs are queued");
    }
}
