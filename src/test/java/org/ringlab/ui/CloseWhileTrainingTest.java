package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.train.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window while a run trains asks: Stop and close stops it and then closes; Cancel keeps both. */
@ExtendWith(ApplicationExtension.class)
class CloseWhileTrainingTest {
    private final ScriptedService service = new ScriptedService();
    private MainController controller;
    private Stage window;

    @Start
    void start(Stage stage) throws Exception {
        Platform.setImplicitExit(false); // this test closes its window; the toolkit stays for the others
        Scene scene = RingLabApp.createScene(service);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        window = new Stage();
        window.setScene(scene);
        window.show();
    }

    private ScriptedService.Run startARun(FxRobot robot) throws Exception {
        String data = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString();
        robot.interact(() -> controller.setup().data.set(data));
        robot.interact(controller::onStart);
        ListView<?> runs = robot.lookup("#runsList").queryListView();
        waitFor(() -> runs.getItems().size() == 1);
        return (ScriptedService.Run) ((LiveRun) runs.getItems().get(0)).handle;
    }

    private DialogPane requestClose(FxRobot robot) throws Exception {
        Platform.runLater(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    @Test
    void cancelKeepsTheWindowAndTheRun(FxRobot robot) throws Exception {
        ScriptedService.Run run = startARun(robot);
        DialogPane ask = requestClose(robot);
        assertTrue(ask.getContentText().startsWith("1 run(s) still training or queued: run run1."), ask.getContentText());
        press(robot, ask, "Cancel");
        assertTrue(window.isShowing());
        assertEquals(RunStatus.RUNNING, run.status());
        assertFalse(service.log.contains("stop run1"), service.log.toString());
    }

    @Test
    void stopAndCloseStopsTheRunThenCloses(FxRobot robot) throws Exception {
        ScriptedService.Run run = startARun(robot);
        press(robot, requestClose(robot), "Stop and close");
        waitFor(() -> !window.isShowing());
        assertTrue(service.log.contains("stop run1"), service.log.toString());
        assertEquals(RunStatus.STOPPED, run.status());
    }

    @Test
    void withNoRunTrainingTheWindowClosesWithoutAsking(FxRobot robot) throws Exception {
        Platform.runLater(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    private static void press(FxRobot robot, DialogPane pane, String text) {
        ButtonType type = pane.getButtonTypes().stream().filter(t -> t.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + text + " button in " + pane.getButtonTypes()));
        robot.interact(() -> ((Button) pane.lookupButton(type)).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
