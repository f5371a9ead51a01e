package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.store.RunStore;
import org.ringlab.train.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a service whose every call takes 3 s: Start, Pause, Step, Resume, Stop, a stored
 * run's resume and queue edits never stall a JavaFX pulse over 50 ms, the button of each call says
 * it is under way until the answer, and a refusal is one line in the message bar.
 */
@ExtendWith(ApplicationExtension.class)
class SlowServiceWindowTest {
    private static final long DELAY_MILLIS = 3000;
    /** The pulse interval 99 % of frames stay under while calls are under way. */
    private static final double P99_PULSE_MILLIS = 50;
    /**
     * The longest pulse interval allowed: far below the 3 s that one call on the JavaFX thread
     * costs, above the scheduling delays of a loaded 2-core machine (up to ~250 ms measured).
     */
    private static final double MAX_PULSE_MILLIS = Double.parseDouble(System.getProperty("ringlab.pulse.max-ms",
            "1000"));

    @TempDir
    static Path workspace;

    private SlowService service;
    private PastRuns pastRuns;
    private Scene scene;
    private final PulseMonitor pulses = new PulseMonitor();

    @Start
    void start(Stage stage) throws Exception {
        try (RunStore store = RunStore.open(workspace)) {
            long id = store.createRun(RunConfig.defaults(), "stored", "cpu");
            // an epoch recorded (so a checkpoint to resume from): Resume run goes straight to the service
            try (org.ringlab.store.StoreRecorder r = store.recorder(id)) {
                r.onStatus(RunStatus.RUNNING, "training");
                r.onEpoch(new org.ringlab.train.EpochMetrics(1, 5, 1.0, 40, 50, 45, 48, 1e-3, 100, 1, 1));
            }
            store.markInterrupted(id, "its worker was lost");
        }
        service = new SlowService(DELAY_MILLIS, "q1", "q2");
        pastRuns = new PastRuns(RunStore.open(workspace));
        scene = RingLabApp.createScene(service, pastRuns, null);
        MainController controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        controller.setup().data.set(Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        Platform.runLater(pulses::stop);
        pastRuns.close();
    }

    @Test
    void slowCallsNeverStallThePulseAndTheirButtonsSaySo(FxRobot robot) throws Exception {
        ListView<LiveRun> runs = lookup("#runsList");
        ListView<RunHandle> queue = lookup("#queueList");
        Label message = lookup("#messageLabel");
        Button start = lookup("#startButton");
        Button pause = lookup("#pauseButton");
        Button resume = lookup("#resumeButton");
        Button step = lookup("#stepButton");
        Button stop = lookup("#stopButton");
        Button up = lookup("#queueUpButton");
        Button down = lookup("#queueDownButton");
        Button cancel = lookup("#queueCancelButton");
        Button resumeRun = lookup("#resumeRunButton");
        // the stored run and the queue arrive after one slow answer each
        waitUntil(() -> runs.getItems().size() == 1 && queueNames(queue).equals(List.of("q1", "q2"))
                && !start.isDisabled());
        onFx(() -> {
            pulses.start();
            return null;
        });

        press(start);
        assertPending(start, "Starting…");
        waitUntil(() -> runs.getItems().size() == 2 && !pause.isDisabled());
        assertIdle(start, "Start");
        assertTrue(onFx(start::isDisabled), "a run is active");
        LiveRun run = onFx(() -> runs.getItems().get(1));

        onFx(() -> {
            queue.getSelectionModel().select(1);
            return null;
        });
        press(pause);
        press(up);
        assertPending(pause, "Pausing…");
        assertPending(up, "Moving…");
        assertEquals(RunStatus.RUNNING, run.handle.status(), "nothing answered yet");
        waitUntil(() -> run.handle.status() == RunStatus.PAUSED && !step.isDisabled() && !up.isDisabled());
        assertIdle(pause, "Pause");
        assertIdle(up, "Up");
        waitUntil(() -> queueNames(queue).equals(List.of("q2", "q1")));

        press(step);
        press(down);
        assertPending(step, "Stepping…");
        assertPending(down, "Moving…");
        waitUntil(() -> ((SlowService.Run) run.handle).steps.get() == 1 && !step.isDisabled() && !down.isDisabled());
        assertIdle(step, "Step");
        assertEquals(RunStatus.PAUSED, run.handle.status());
        waitUntil(() -> queueNames(queue).equals(List.of("q1", "q2")));

        onFx(() -> {
            queue.getSelectionModel().select(1);
            return null;
        });
        press(resume);
        press(cancel);
        assertPending(resume, "Resuming…");
        assertPending(cancel, "Cancelling…");
        waitUntil(() -> run.handle.status() == RunStatus.RUNNING && !pause.isDisabled() && !cancel.isDisabled());
        assertIdle(resume, "Resume");
        waitUntil(() -> queueNames(queue).equals(List.of("q1")));

        // a refusal: one line in the message bar, no stack trace
        service.startsBeforeCancel("q1");
        onFx(() -> {
            queue.getSelectionModel().select(0);
            return null;
        });
        press(stop);
        press(cancel);
        assertPending(stop, "Stopping…");
        assertPending(cancel, "Cancelling…");
        waitUntil(() -> run.handle.status() == RunStatus.STOPPED && !start.isDisabled() && !cancel.isDisabled());
        assertIdle(stop, "Stop");
        String refusal = onFx(message::getText);
        assertEquals("queue: q1 has just started (on the worker): state RUNNING", refusal);

        onFx(() -> {
            runs.getSelectionModel().clearAndSelect(0);
            return null;
        });
        waitUntil(() -> !resumeRun.isDisabled());
        press(resumeRun);
        assertPending(resumeRun, "Resuming…");
        waitUntil(() -> runs.getItems().get(0).handle instanceof SlowService.Run);
        assertEquals(RunStatus.RUNNING, onFx(() -> runs.getItems().get(0).handle.status()));
        assertTrue(onFx(message::getText).startsWith("resuming "), onFx(message::getText));
        assertIdle(resumeRun, "Resume run");

        assertEquals(List.of(), service.onFxThread, "service calls made on the JavaFX thread");
        double p99 = onFx(() -> pulses.percentileMillis(0.99));
        double longest = onFx(() -> pulses.percentileMillis(1.0));
        int frames = onFx(pulses::frames);
        String figures = String.format(java.util.Locale.ROOT, "pulse interval over %d frames during slow calls: "
                + "p50 %.1f ms, p99 %.1f ms, max %.1f ms", frames, onFx(() -> pulses.percentileMillis(0.5)), p99,
                longest);
        System.out.println(figures);
        assertTrue(frames > 100, figures);
        assertTrue(p99 <= P99_PULSE_MILLIS, figures);
        assertTrue(longest <= MAX_PULSE_MILLIS, figures);
    }

    // a test's shorthand for TestFX's typed lookups: a wrong type fails the test at once
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    private <T> T lookup(String id) {
        return (T) scene.lookup(id);
    }

    private static List<String> queueNames(ListView<RunHandle> queue) {
        return queue.getItems().stream().map(RunHandle::name).toList();
    }

    /** Fires the button as a click would, without waiting for the JavaFX thread to be free. */
    private static void press(Button button) {
        Platform.runLater(button::fire);
    }

    private void assertPending(Button button, String text) throws Exception {
        waitUntil(() -> button.getText().equals(text));
        assertTrue(onFx(button::isDisabled), text + " is disabled while under way");
        assertTrue(onFx(() -> button.getStyleClass().contains("pending")), text + " has the pending style");
    }

    private static void assertIdle(Button button, String text) throws Exception {
        assertEquals(text, onFx(button::getText));
        assertFalse(onFx(() -> button.getStyleClass().contains("pending")), text);
    }

    /** Reads the window on its thread; fails when the JavaFX thread does not answer within a second. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(1, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("the JavaFX thread did not answer within a second: it is blocked");
        }
    }

    /** Waits (up to two answers' time) for a condition read on the JavaFX thread. */
    private void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * DELAY_MILLIS + 2000);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                fail("not reached within " + (2 * DELAY_MILLIS + 2000) + " ms; the window says: "
                        + onFx(((Label) lookup("#messageLabel"))::getText) + "; queue " + onFx(() -> queueNames(
                                lookup("#queueList")) + " " + ((ListView<?>) lookup("#queueList"))
                                .getSelectionModel().getSelectedItem()) + "; service " + service.queueNames());
            }
            Thread.sleep(20);
        }
    }
}
