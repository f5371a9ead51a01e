package org.ringlab.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Callback;
import org.ringlab.service.TrainingService;
import org.ringlab.train.EpochMetrics;
import org.ringlab.ui.charts.MetricsCharts;
import org.ringlab.ui.chartspane.ChartsModel;
import org.ringlab.ui.chartspane.ChartsPane;
import org.ringlab.ui.latent.LatentPane;
import org.ringlab.ui.pacing.FrameGate;
import org.ringlab.ui.queue.QueueModel;
import org.ringlab.ui.queue.QueuePane;
import org.ringlab.ui.runcontrol.RunControlModel;
import org.ringlab.ui.runcontrol.RunControlPane;
import org.ringlab.ui.runlist.RunActions;
import org.ringlab.ui.runlist.RunsModel;
import org.ringlab.ui.runlist.RunsPane;
import org.ringlab.ui.setup.SetupController;
import org.ringlab.ui.setup.SetupModel;
import org.ringlab.ui.talk.CheatSheet;
import org.ringlab.ui.talk.EpochAt;
import org.ringlab.ui.talk.FontSizes;
import org.ringlab.ui.talk.MetricStrip;
import org.ringlab.ui.talk.Shortcut;
import org.ringlab.ui.talk.TalkMode;
import org.ringlab.ui.timeline.TimelinePane;
import org.ringlab.ui.worker.WorkerModel;
import org.ringlab.ui.worker.WorkerPane;

/**
 * The main window's shell (fxml/main.fxml): makes the panes' view models, hands each pane its
 * model as FXMLLoader includes it, and wires them to one another and to the frame pump. The panes:
 * the run setup, run control and worker (the toolbar), runs, queue, charts, the ring / latent view and
 * the timeline; see docs/architecture.md, "The window".
 */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class MainController {
    static final String ALL_LAYERS = TimelinePresenter.ALL_LAYERS;

    /** Every call to the service (and the store) goes through here, never on the JavaFX thread. */
    private final ServiceCalls calls;
    private final SetupModel setup = new SetupModel();
    private final MessageBar messages = new MessageBar();
    private FramePump framePump;
    private final MetricsCharts charts = new MetricsCharts();
    private final WorkerModel worker;
    private final QueueModel queue;
    private final ChartsModel chartsModel;
    private final RunsModel runs;
    private final RunActions runActions;
    private final RunControlModel control;
    private LatentPane latentPane;
    private TimelinePane timelinePane;
    private TimelinePresenter timelinePresenter;
    private final Sweeps sweeps;
    /** Demo mode's large test figures of the shown epoch, under the toolbar. */
    private final MetricStrip metricStrip = new MetricStrip();
    private TalkMode talk;
    private CheatSheet cheatSheet;

    @FXML private BorderPane root;
    @FXML private ScrollPane setupPane;
    @FXML private Label messageLabel;

    public MainController(TrainingService service) {
        this(service, null, null);
    }

    /**
     * @param pastRuns the workspace's recorded runs, listed at start; null for none
     * @param connector opens a remote service ("Connect to service…"); null hides the action
     */
    public MainController(TrainingService service, PastRuns pastRuns, ServiceConnector connector) {
        this.calls = ServiceCalls.background();
        this.worker = new WorkerModel(calls, service, connector, messages, this::connected);
        this.queue = new QueueModel(calls, worker::service, messages);
        this.chartsModel = new ChartsModel(ChartsPane.drawingOn(charts));
        this.runs = new RunsModel(calls, pastRuns, chartsModel, messages);
        this.runActions = new RunActions(calls, worker::service, pastRuns, runs, worker::isAlive,
                RunsPane::confirmRestart, messages);
        this.control = new RunControlModel(calls, worker::service, setup::config, setup.validProperty(),
                runs::started, messages);
        runs.current.addListener((obs, was, now) -> control.current.set(now == null ? null : now.handle));
        this.sweeps = new Sweeps(calls, worker::service, setup::config, pastRuns, runs, messages);
    }

    /** FXMLLoader's controllers for main.fxml: the shell first, then each included pane with its model. */
    public static Callback<Class<?>, Object> controllers(TrainingService service, PastRuns pastRuns,
            ServiceConnector connector) {
        MainController[] shell = new MainController[1];
        return type -> {
            if (type == MainController.class) {
                shell[0] = new MainController(service, pastRuns, connector);
                return shell[0];
            }
            if (shell[0] == null) {
                throw new IllegalArgumentException("no controller " + type);
            }
            return shell[0].pane(type);
        };
    }

    private Object pane(Class<?> type) {
        if (type == RunControlPane.class) {
            return new RunControlPane(control, this::onCompare, this::toggleShortcuts);
        } else if (type == WorkerPane.class) {
            return new WorkerPane(worker);
        } else if (type == RunsPane.class) {
            return new RunsPane(runs, runActions, messages);
        } else if (type == QueuePane.class) {
            return new QueuePane(queue);
        } else if (type == ChartsPane.class) {
            return new ChartsPane(chartsModel, charts);
        } else if (type == LatentPane.class) {
            latentPane = new LatentPane();
            return latentPane;
        } else if (type == SetupController.class) {
            SetupController form = new SetupController(setup);
            form.onMessage(messages::say);
            form.initFromRuns(() -> runs.items().stream().map(r -> r.handle).toList());
            return form;
        } else if (type == TimelinePane.class) {
            timelinePane = new TimelinePane(() -> timelinePresenter.togglePlay());
            return timelinePane;
        }
        throw new IllegalArgumentException("no controller " + type);
    }

    @FXML
    private void initialize() {
        messages.showOn(messageLabel::setText);
        messages.alert.addListener((obs, was, now) -> {
            if (now) {
                messageLabel.getStyleClass().add("alert");
            } else {
                messageLabel.getStyleClass().remove("alert");
            }
        });
        setup.problems().addListener((javafx.collections.ListChangeListener<String>) c -> updateControls());
        // Start follows the setup at once: the problems list changes before validProperty does
        setup.validProperty().addListener(obs -> updateControls());
        timelinePresenter = new TimelinePresenter(timelinePane, latentPane, charts, () -> List.copyOf(runs.items()),
                calls, messages);
        runs.current.addListener((obs, was, now) -> {
            if (now != null) {
                timelinePresenter.showRun(now);
            }
        });
        control.dark.addListener((obs, was, now) -> showTheme(now));
        control.demo.addListener((obs, was, now) -> showDemo(now));
        stripUnderToolbar();
        talk = new TalkMode(root, control.demo, control.fontSize, charts, metricStrip);
        timelinePresenter.setWindowFontPx(talk.fontPx().get());
        talk.fontPx().addListener((obs, was, now) -> timelinePresenter.setWindowFontPx(now.doubleValue()));
        framePump = new FramePump(runs, chartsModel.charted(), charts, control, timelinePresenter, this::pollService,
                this::updateControls, messages);
        framePump.start();
        sweeps.followClusters();
        runs.loadPast();
        updateControls();
        // loading the engine takes a moment (longer on first use): never on the JavaFX thread
        worker.showDevice();
        worker.device.set("engine loading…");
    }

    /** The frame pump's gate: how many frames it drew under its drawing budget (AutoRun reports it). */
    FrameGate frameGate() {
        return framePump == null ? null : framePump.gate();
    }

    /**
     * Puts the metric strip under the toolbar, keeping the toolbar the shell's first child (lookups
     * by id find the toolbar's nodes before the setup panel's, as with main.fxml alone).
     */
    private void stripUnderToolbar() {
        javafx.scene.Node left = root.getLeft();
        javafx.scene.Node center = root.getCenter();
        javafx.scene.Node bottom = root.getBottom();
        root.setLeft(null);
        root.setCenter(null);
        root.setBottom(null);
        root.setTop(new VBox(root.getTop(), metricStrip));
        root.setLeft(left);
        root.setCenter(center);
        root.setBottom(bottom);
    }

    public SetupModel setup() {
        return setup;
    }

    /** Another service: its queue is drawn afresh. */
    private void connected() {
        queue.reset();
    }

    private void updateControls() {
        control.refresh();
        runActions.refresh();
        showMetrics();
    }

    /**
     * Demo mode's strip: the newest epoch of the current run while the timeline follows it live,
     * else the epoch last evaluated before the scrubbed snapshot.
     */
    private void showMetrics() {
        if (!control.demo.get()) {
            return;
        }
        LiveRun run = runs.current.get();
        if (run == null) {
            metricStrip.show(null, true);
            return;
        }
        List<EpochMetrics> epochs = run.handle.history().epochs();
        int last = run.snapshots.size() - 1;
        int index = (int) Math.round(timelinePane.slider().getValue());
        if (last < 0 || index >= last || !timelinePresenter.isShowing(run)) {
            metricStrip.show(EpochAt.latest(epochs), true);
        } else {
            metricStrip.show(EpochAt.step(epochs, run.snapshots.get(Math.max(0, index)).step()), false);
        }
    }

    /** The queue and the worker's health, each asked a few times a second on its own lane. */
    private void pollService(long now) {
        queue.poll(now);
        worker.poll(now);
    }

    // ---- the toolbar's keyboard shortcuts (RingLabApp)

    void onStart() {
        control.start();
    }

    void togglePause() {
        control.togglePause();
    }

    void onStep() {
        control.step();
    }

    void onStop() {
        control.stop();
    }

    void toggleTheme() {
        control.dark.set(!control.dark.get());
    }

    void toggleDemo() {
        control.demo.set(!control.demo.get());
    }

    /**
     * The window's keyboard shortcuts: RingLabApp installs them, the cheat sheet (F1) lists them.
     */
    List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(new KeyCodeCombination(KeyCode.F5), "Start a run with the setup on the left", this::onStart),
                new Shortcut(new KeyCodeCombination(KeyCode.F6), "Pause or resume the current run", this::togglePause),
                new Shortcut(new KeyCodeCombination(KeyCode.F7), "Step: one batch while paused", this::onStep),
                new Shortcut(new KeyCodeCombination(KeyCode.F8), "Stop the current run", this::onStop),
                new Shortcut(new KeyCodeCombination(KeyCode.F11), "Demo mode: full screen, large type, metric strip",
                        this::toggleDemo),
                new Shortcut(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), "Dark theme on / off",
                        this::toggleTheme),
                new Shortcut(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_ANY), "Larger font", () -> control.fontSize.set(
                                FontSizes.larger(control.fontSize.get()))),
                new Shortcut(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), "Smaller font",
                        () -> control.fontSize.set(FontSizes.smaller(control.fontSize.get()))),
                new Shortcut(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                        "Default font size", () -> control.fontSize.set(FontSizes.DEFAULT_PX)),
                new Shortcut(new KeyCodeCombination(KeyCode.F1), "This list of shortcuts", this::toggleShortcuts));
    }

    /** Opens the keyboard cheat sheet, or closes it. */
    void toggleShortcuts() {
        if (cheatSheet == null) {
            cheatSheet = new CheatSheet(shortcuts());
        }
        cheatSheet.toggle(root.getScene().getWindow(), talk.fontPx().get());
    }

    /** The cheat sheet, null until first opened (tests). */
    CheatSheet cheatSheet() {
        return cheatSheet;
    }

    /** The toolbar's model (tests). */
    RunControlModel control() {
        return control;
    }

    /** The window's font size now, in px (tests). */
    double fontPx() {
        return talk.fontPx().get();
    }

    private void showTheme(boolean dark) {
        if (dark) {
            root.getScene().getRoot().getStyleClass().add("dark");
        } else {
            root.getScene().getRoot().getStyleClass().remove("dark");
        }
        timelinePresenter.setDark(dark);
        charts.setDark(dark);
    }

    private void showDemo(boolean demo) {
        showMetrics();
        if (demo) {
            root.getStyleClass().add("demo");
            root.setLeft(null);
        } else {
            root.getStyleClass().remove("demo");
            root.setLeft(setupPane);
        }
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreen(demo);
        }
    }

    /** Finished runs side by side, and sweeps; runs a sweep queues join the runs list. */
    void onCompare() {
        sweeps.showComparison(root.getScene().getWindow());
    }

    /** Asks before {@code stage} closes while runs train ({@link CloseGuard}). */
    void guardClose(javafx.stage.Stage stage) {
        CloseGuard.install(stage, () -> runs.all().stream().map(r -> r.handle).toList(), calls, messages);
    }

    /** Stops following cluster sweeps (they run on under Slurm) and closes their SSH connections. */
    void closeCluster() {
        sweeps.close();
    }

    void exportTo(List<Path> dirs, Path folder) {
        runActions.exportTo(dirs, folder);
    }

    /** The ring view and timeline (tests drive replay and comparison). */
    TimelinePresenter timeline() {
        return timelinePresenter;
    }

    /** The charts (tests read what they show). */
    MetricsCharts charts() {
        return charts;
    }

    /** A line for the message bar (how the app started, what is unavailable). */
    void note(String text) {
        messages.say(text);
    }

    Path workspaceHint() {
        LiveRun current = runs.current.get();
        return current == null ? null : current.handle.directory();
    }
}
