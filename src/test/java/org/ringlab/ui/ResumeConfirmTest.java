package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
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
import org.ringlab.config.DeviceKind;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.service.InProcessTrainingService;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoreRecorder;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Resume run on a run without a checkpoint asks before restarting it, and a restart keeps its history. */
@ExtendWith(ApplicationExtension.class)
class ResumeConfirmTest {
    @TempDir
    static Path workspace;

    private InProcessTrainingService service;
    private PastRuns pastRuns;
    private long id;

    @Start
    void start(Stage stage) throws Exception {
        RunConfig config = RunConfig.defaults().toBuilder()
                .data(Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString())
                .model(ModelKind.MLP).limitTrain(640).limitTest(200).epochs(1).bnRecalBatches(2)
                .device(DeviceKind.CPU).build();
        try (RunStore store = RunStore.open(workspace)) {
            // a run that recorded an epoch and then lost its checkpoint
            id = store.createRun(config, "no checkpoint", "cpu");
            try (StoreRecorder r = store.recorder(id)) {
                r.onStatus(RunStatus.RUNNING, "training");
                for (int step = 1; step <= 5; step++) {
                    r.onStep(new StepMetrics(step, 1, step, 5, 2.0 / step, 20, 1e-3));
                }
                r.onEpoch(new EpochMetrics(1, 5, 1.0, 40, 50, 45, 48, 1e-3, 100, 1, 1));
            }
            store.markInterrupted(id, "its worker was lost");
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
    void cancelKeepsTheRunAndRestartTrainsItFromStepZeroKeepingTheOldAttempt(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<LiveRun> runs = robot.lookup("#runsList").queryAs(ListView.class);
        waitFor(() -> runs.getItems().size() == 1);
        robot.interact(() -> runs.getSelectionModel().clearAndSelect(0));
        Button resume = robot.lookup("#resumeRunButton").queryButton();
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);

        // the frame pump enables Resume run for the selection within its next tick (ten a second)
        waitFor(() -> !resume.isDisabled());
        robot.interact(resume::fire);
        DialogPane ask = awaitDialog(robot);
        assertEquals("Run no checkpoint has no checkpoint: restart it from step 0? Its recorded history is kept as a "
                + "superseded attempt.", ask.getContentText());
        press(robot, ask, "Cancel");
        waitFor(() -> message.getText().startsWith("resume: cancelled"));
        assertEquals(RunStatus.INTERRUPTED, service.store().status(id));
        assertEquals(1, service.store().load(id).epochs().size(), "nothing recorded is touched");

        robot.interact(() -> runs.getSelectionModel().clearAndSelect(0));
        waitFor(() -> !resume.isDisabled());
        robot.interact(resume::fire);
        press(robot, awaitDialog(robot), "Restart");
        waitFor(() -> runs.getItems().get(0).handle.status() == RunStatus.FINISHED);
        waitFor(() -> service.store().status(id) == RunStatus.FINISHED);
        assertEquals(1, runs.getItems().size(), "the same run, not a new one");
        assertEquals(List.of(1), service.store().supersededAttempts(id).stream().map(a -> a.attempt()).toList());
        assertEquals(5, service.store().supersededAttempts(id).get(0).steps());
        assertEquals(1, service.store().load(id).steps().get(0).step(), "trained again from step 0");
    }

    private static DialogPane awaitDialog(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private static void press(FxRobot robot, DialogPane pane, String text) {
        ButtonType type = pane.getButtonTypes().stream().filter(t -> t.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + text + " button in " + pane.getButtonTypes()));
        robot.interact(() -> ((Button) pane.lookupButton(type)).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
