package org.ringlab.ui.runcontrol;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.PendingAction;
import org.ringlab.ui.ServiceCalls;
import org.ringlab.ui.talk.FontSizes;

/**
 * The run-control toolbar's state: Start, Pause, Resume, Step and Stop for the current run, its
 * progress and status line, and the window's theme, demo switch and font size. Every call goes through
 * {@link ServiceCalls}; a run's controls go on that run's lane so they reach it in order.
 */
public final class RunControlModel {
    public final PendingAction start = new PendingAction("Start", "Starting…");
    public final PendingAction pause = new PendingAction("Pause", "Pausing…");
    public final PendingAction resume = new PendingAction("Resume", "Resuming…");
    public final PendingAction step = new PendingAction("Step", "Stepping…");
    public final PendingAction stop = new PendingAction("Stop", "Stopping…");
    /** The run the controls act on (the last one selected or started). */
    public final ObjectProperty<RunHandle> current = new SimpleObjectProperty<>();
    public final DoubleProperty progress = new SimpleDoubleProperty();
    public final StringProperty progressText = new SimpleStringProperty("");
    public final StringProperty status = new SimpleStringProperty("ready");
    /** The status's id ("running", "failed", …) for the label's style class; null before any run. */
    public final ObjectProperty<RunStatus> statusKind = new SimpleObjectProperty<>();
    public final BooleanProperty dark = new SimpleBooleanProperty();
    public final BooleanProperty demo = new SimpleBooleanProperty();
    /** The window's font size in px outside demo mode (View → Font size; demo mode sets its own floor). */
    public final DoubleProperty fontSize = new SimpleDoubleProperty(FontSizes.DEFAULT_PX);

    private final ServiceCalls calls;
    private final Supplier<TrainingService> service;
    private final Supplier<RunConfig> config;
    private final ObservableBooleanValue setupValid;
    private final Consumer<RunHandle> started;
    private final MessageBar messages;
    /** Run controls under way, as "run id/action" (they belong to that run, not to the selection). */
    private final Set<String> pendingControls = new HashSet<>();

    /**
     * @param config the setup's configuration, null while it is invalid
     * @param started told of each run the service accepted (on the JavaFX thread)
     */
    public RunControlModel(ServiceCalls calls, Supplier<TrainingService> service, Supplier<RunConfig> config,
            ObservableBooleanValue setupValid, Consumer<RunHandle> started, MessageBar messages) {
        this.calls = calls;
        this.service = service;
        this.config = config;
        this.setupValid = setupValid;
        this.started = started;
        this.messages = messages;
        current.addListener((obs, was, now) -> refresh());
        setupValid.addListener((obs, was, now) -> refresh());
        refresh();
    }

    /** Submits the setup's configuration; an invalid one is refused in the status line. */
    public void start() {
        RunConfig run = config.get();
        if (run == null || start.isPending()) {
            return;
        }
        TrainingService s = service.get();
        start.pending.set(true);
        refresh();
        calls.call(ServiceCalls.SERVICE, () -> s.submit(run), handle -> {
            start.pending.set(false);
            started.accept(handle);
            refresh();
        }, error -> {
            start.pending.set(false);
            refresh();
            if (error instanceof InvalidConfigException) {
                showStatus(RunStatus.FAILED, error.getMessage().replace('\n', ' '));
            } else {
                messages.fail("start", error);
            }
        });
    }

    public void pause() {
        control(pause, RunHandle::pause);
    }

    public void resume() {
        control(resume, RunHandle::resume);
    }

    public void step() {
        control(step, RunHandle::step);
    }

    public void stop() {
        control(stop, RunHandle::stop);
    }

    /** Pause when running, resume when paused (the keyboard shortcut). */
    public void togglePause() {
        RunHandle run = current.get();
        if (run == null) {
            return;
        }
        if (run.status() == RunStatus.PAUSED) {
            resume();
        } else if (run.status() == RunStatus.RUNNING) {
            pause();
        }
    }

    private void control(PendingAction action, Consumer<RunHandle> send) {
        RunHandle handle = current.get();
        if (handle == null) {
            return;
        }
        String key = key(handle, action);
        if (!pendingControls.add(key)) {
            return;
        }
        refresh();
        calls.run(ServiceCalls.runLane(handle.id()), () -> send.accept(handle), () -> {
            pendingControls.remove(key);
            refresh();
        }, error -> {
            pendingControls.remove(key);
            messages.fail(action.idleText().toLowerCase(Locale.ROOT) + " " + handle.name(), error);
            refresh();
        });
    }

    private static String key(RunHandle handle, PendingAction action) {
        return handle.id() + "/" + action.idleText();
    }

    /** Which controls apply to the current run's status now (called again each frame). */
    public void refresh() {
        RunHandle run = current.get();
        RunStatus s = run == null ? null : run.status();
        boolean active = s != null && !s.isTerminal();
        start.off.set(!setupValid.get() || active);
        pause.off.set(s != RunStatus.RUNNING);
        resume.off.set(s != RunStatus.PAUSED);
        step.off.set(s != RunStatus.PAUSED);
        stop.off.set(!active);
        for (PendingAction a : List.of(pause, resume, step, stop)) {
            a.pending.set(run != null && pendingControls.contains(key(run, a)));
        }
    }

    public void showStatus(RunStatus kind, String message) {
        status.set(kind.id() + (message == null || message.isBlank() ? "" : ": " + message));
        statusKind.set(kind);
    }

    public void showProgress(double fraction, String text) {
        progress.set(fraction);
        progressText.set(text);
    }
}
