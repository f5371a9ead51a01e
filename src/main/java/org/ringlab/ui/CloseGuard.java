package org.ringlab.ui;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.ringlab.service.RunHandle;

/**
 * Asks before the window closes while runs train or wait in the queue: "Stop and close" stops
 * them as the Stop button does (each records its status; what it saved, up to its last checkpoint,
 * stays resumable), waits until every one has ended and then closes; "Cancel" keeps the window
 * and the runs as they are. With no such run the window closes at once.
 */
final class CloseGuard {
    static final ButtonType STOP_AND_CLOSE = new ButtonType("Stop and close", ButtonBar.ButtonData.OK_DONE);
    /** How long the window waits for stopped runs to end (a step on a slow CPU) before closing anyway. */
    private static final long WAIT_MILLIS = TimeUnit.MINUTES.toMillis(2);
    private static final String LANE = "close";

    private final Stage stage;
    /** The window's scene: a stage that shows another scene later (tests reuse one) is no longer guarded. */
    private final javafx.scene.Scene scene;
    private final Supplier<List<RunHandle>> runs;
    private final ServiceCalls calls;
    private final MessageBar messages;
    private boolean stopping;

    private CloseGuard(Stage stage, Supplier<List<RunHandle>> runs, ServiceCalls calls, MessageBar messages) {
        this.stage = stage;
        this.scene = stage.getScene();
        this.runs = runs;
        this.calls = calls;
        this.messages = messages;
    }

    /** @param runs every run the window lists (read on the JavaFX thread) */
    static void install(Stage stage, Supplier<List<RunHandle>> runs, ServiceCalls calls, MessageBar messages) {
        CloseGuard guard = new CloseGuard(stage, runs, calls, messages);
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, guard::onCloseRequest);
    }

    private List<RunHandle> active() {
        return runs.get().stream().filter(r -> !r.status().isTerminal()).toList();
    }

    private void onCloseRequest(WindowEvent event) {
        if (stage.getScene() != scene) {
            return;
        }
        if (stopping) {
            event.consume();
            messages.say("closing: still waiting for the stopped runs to end");
            return;
        }
        List<RunHandle> active = active();
        if (active.isEmpty()) {
            return;
        }
        event.consume();
        String names = String.join(", ", active.stream().map(RunHandle::name).toList());
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, active.size() + " run(s) still training or queued: " + names
                + ". Stop and close stops them first; what they saved stays and can be resumed.", STOP_AND_CLOSE,
                ButtonType.CANCEL);
        ask.setHeaderText("Close RingLab while runs train?");
        ask.initOwner(stage);
        ask.setOnHidden(e -> {
            if (ask.getResult() == STOP_AND_CLOSE) {
                stopAndClose(active);
            } else {
                messages.say("close cancelled; the runs go on");
            }
        });
        ask.show();
    }

    private void stopAndClose(List<RunHandle> active) {
        stopping = true;
        messages.say("stopping " + active.size() + " run(s) before closing…");
        for (RunHandle run : active) {
            calls.run(ServiceCalls.runLane(run.id()), run::stop, () -> { }, error -> messages.fail("stop", error));
        }
        // statuses are read off the JavaFX thread (a worker's handle asks it)
        calls.call(LANE, () -> {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (System.currentTimeMillis() < deadline && active.stream().anyMatch(r -> !r.status().isTerminal())) {
                Thread.sleep(100);
            }
            return null;
        }, done -> stage.close(), error -> stage.close());
    }
}
