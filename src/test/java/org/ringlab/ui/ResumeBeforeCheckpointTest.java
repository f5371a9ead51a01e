package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.service.InProcessTrainingService;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoreRecorder;
import org.ringlab.train.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Resume run on a run stopped before its first checkpoint (nothing recorded yet): the window says
 * it restarts from step 0 and asks, where it used to start the run over while saying it resumed
 * "from its last checkpoint".
 */
@ExtendWith(ApplicationExtension.class)
class ResumeBeforeCheckpointTest {
    @TempDir
    static Path workspace;

    private InProcessTrainingService service;
    private PastRuns pastRuns;
    private long id;

    @Start
    void start(Stage stage) throws Exception {
        try (RunStore store = RunStore.open(workspace)) {
            id = store.createRun(RunConfig.defaults(), "early stop", "cpu");
            try (StoreRecorder r = store.recorder(id)) {
                r.onStatus(RunStatus.RUNNING, "training");
                r.onStatus(RunStatus.STOPPED, "stopped by the user at step 0");
            }
        }
        service = new InProcessTrainingService(workspace);
        pastRuns = new PastRuns(RunStore.open(workspace));
        Scene scene = RingLabApp.createScene(service, pastRuns, null);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        service.close();
        pastRuns.close();
    }

    @Test
    void resumeAsksBeforeRestartingFromStepZeroAndCancelKeepsTheRun(FxRobot robot) throws Exception {
        ListView<?> runs = robot.lookup("#runsList").queryListView();
        waitFor(() -> runs.getItems().size() == 1);
        robot.interact(() -> runs.getSelectionModel().clearAndSelect(0));
        Button resume = robot.lookup("#resumeRunButton").queryButton();
        waitFor(() -> !resume.isDisabled());
        // the question is asked inside the button's action: fire it without waiting for the answer
        javafx.application.Platform.runLater(resume::fire);
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(ask.getContentText().contains("has no checkpoint: restart it from step 0?"), ask.getContentText());
        ButtonType cancel = ask.getButtonTypes().stream().filter(t -> t.getText().equals("Cancel")).findFirst()
                .orElseThrow();
        javafx.application.Platform.runLater(() -> ((Button) ask.lookupButton(cancel)).fire());
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        waitFor(() -> message.getText().startsWith("resume: cancelled"));
        assertEquals(RunStatus.STOPPED, service.store().status(id), "the run is kept as it was");
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
