package org.ringlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.ringlab.config.DeviceKind;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.OptimizerKind;
import org.ringlab.config.RingMode;
import org.ringlab.config.RingType;
import org.ringlab.config.RunConfig;
import org.ringlab.config.TwnVariant;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.charts.MetricsCharts;
import org.ringlab.ui.pacing.FrameTicker;

/**
 * The main window's controller: binds the controls to {@link SetupModel}, drives runs through the
 * {@link TrainingService} interface, and once per frame moves whatever the runs reported into the
 * charts, the ring view and the timeline.
 */
// FXMLLoader calls the private @FXML handlers; the background calls report failures in whenComplete
@SuppressWarnings({"UnusedMethod", "FutureReturnValueIgnored"})
public final class MainController {
    static final String ALL_LAYERS = TimelinePresenter.ALL_LAYERS;

    private TrainingService service;
    /** Every call to the service (and the store) goes through here, never on the JavaFX thread. */
    private final ServiceCalls calls;
    /** Buttons whose call is under way: disabled, labelled as in {@link #BUSY_TEXT}. */
    private final java.util.Set<Button> pendingButtons = new java.util.HashSet<>();
    /** Run controls under way, as "run id/button id" (they belong to that run, not to the selection). */
    private final java.util.Set<String> pendingControls = new java.util.HashSet<>();
    private final Map<Button, String> idleText = new java.util.HashMap<>();
    private boolean pollingQueue;
    private boolean pollingWorker;
    private long lastPoll;
    private final PastRuns pastRuns;
    private final ServiceConnector connector;
    /** Ids on the queue list as last drawn: redrawn only when the service's queue changes. */
    private List<String> drawnQueue = List.of();
    private boolean workerWasAlive = true;
    private final SetupModel setup = new SetupModel();
    private final Map<String, LiveRun> runs = new LinkedHashMap<>();
    /** Runs whose curves are on the charts now. */
    private final java.util.Set<String> charted = new java.util.HashSet<>();
    private final MetricsCharts charts = new MetricsCharts();
    private final LearningRatePlot lrPlot = new LearningRatePlot();
    private LiveRun current;
    private TimelinePresenter timelinePresenter;
    private org.ringlab.ui.compare.ComparisonWindow comparison;
    /** Sweeps sent to a cluster over SSH; null without a workspace store. */
    private ClusterRuns clusterRuns;

    @FXML private BorderPane root;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private Button playButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label statusLabel;
    @FXML private Label deviceLabel;
    @FXML private ToggleButton themeToggle;
    @FXML private ToggleButton demoToggle;
    @FXML private ScrollPane setupPane;
    @FXML private ComboBox<Method> methodBox;
    @FXML private ComboBox<RingType> ringTypeBox;
    @FXML private TextField ringSizeField;
    @FXML private ComboBox<RingMode> ringModeBox;
    @FXML private TextField sigmaField;
    @FXML private ComboBox<ModelKind> modelBox;
    @FXML private TextField dataField;
    @FXML private ComboBox<OptimizerKind> optimizerBox;
    @FXML private TextField lrField;
    @FXML private TextField epochsField;
    @FXML private TextField scheduleField;
    @FXML private TextField warmupField;
    @FXML private TextField batchSizeField;
    @FXML private TextField seedField;
    @FXML private ComboBox<DeviceKind> deviceBox;
    @FXML private CheckBox batchNormBox;
    @FXML private Label bitsLabel;
    @FXML private TextField bitsField;
    @FXML private Label twnVariantLabel;
    @FXML private ComboBox<TwnVariant> twnVariantBox;
    @FXML private Label ttqThresholdLabel;
    @FXML private TextField ttqThresholdField;
    @FXML private CheckBox bitnetRmsnormBox;
    @FXML private Label bitnetWarmupLabel;
    @FXML private TextField bitnetWarmupField;
    @FXML private CheckBox bitnetLayerwiseBox;
    @FXML private Label tequilaLambdaLabel;
    @FXML private TextField tequilaLambdaField;
    @FXML private Label tequilaGroupLabel;
    @FXML private TextField tequilaGroupField;
    @FXML private Label annealSigmaLabel;
    @FXML private TextField annealSigmaField;
    @FXML private Label pow2SlopeLabel;
    @FXML private TextField pow2SlopeField;
    @FXML private Label ringPreviewLabel;
    @FXML private Pane lrPlotPane;
    @FXML private Label problemsLabel;
    @FXML private ListView<LiveRun> runsList;
    @FXML private StackPane chartsPane;
    @FXML private Slider smoothingSlider;
    @FXML private Label smoothingLabel;
    @FXML private CheckBox logLossBox;
    @FXML private StackPane ringViewPane;
    @FXML private StackPane weightHistogramPane;
    @FXML private ComboBox<String> layerBox;
    @FXML private Slider timeline;
    @FXML private Label timelineLabel;
    @FXML private Label messageLabel;
    @FXML private Button restartWorkerButton;
    @FXML private Button resumeRunButton;
    @FXML private Button deleteRunButton;
    @FXML private ListView<RunHandle> queueList;
    @FXML private Button queueUpButton;
    @FXML private Button queueDownButton;
    @FXML private Button queueCancelButton;

    /** What a button says while its call is under way. */
    private static final Map<String, String> BUSY_TEXT = Map.ofEntries(Map.entry("startButton", "Starting…"),
            Map.entry("pauseButton", "Pausing…"), Map.entry("resumeButton", "Resuming…"),
            Map.entry("stepButton", "Stepping…"), Map.entry("stopButton", "Stopping…"),
            Map.entry("resumeRunButton", "Resuming…"), Map.entry("deleteRunButton", "Deleting…"),
            Map.entry("queueUpButton", "Moving…"), Map.entry("queueDownButton", "Moving…"),
            Map.entry("queueCancelButton", "Cancelling…"), Map.entry("restartWorkerButton", "Restarting…"));
    /** How often the frame pump moves the runs' events to the screen: the charts redraw at most this often. */
    private static final double FRAMES_PER_SECOND = 10;
    /** How often the frame pump asks for the queue and the worker's health (off the JavaFX thread). */
    private static final long POLL_NANOS = 200_000_000L;
    /** The lane of the workspace store's reads and deletes. */
    private static final String STORE = "store";

    public MainController(TrainingService service) {
        this(service, null, null);
    }

    /**
     * @param pastRuns the workspace's recorded runs, listed at start; null for none
     * @param connector opens a remote service ("Connect to service…"); null hides the action
     */
    public MainController(TrainingService service, PastRuns pastRuns, ServiceConnector connector) {
        this.service = service;
        this.pastRuns = pastRuns;
        this.connector = connector;
        this.calls = ServiceCalls.background();
    }

    @FXML
    private void initialize() {
        bindSetup();
        chartsPane.getChildren().add(charts);
        charts.setSmoothing(smoothingSlider.getValue());
        smoothingLabel.setText(String.format(Locale.ROOT, "%.2f", smoothingSlider.getValue()));
        smoothingSlider.valueProperty().addListener((obs, was, now) -> {
            charts.setSmoothing(now.doubleValue());
            smoothingLabel.setText(String.format(Locale.ROOT, "%.2f", now.doubleValue()));
        });
        logLossBox.selectedProperty().addListener((obs, was, now) -> charts.setLogLoss(now));
        timelinePresenter = new TimelinePresenter(layerBox, timeline, timelineLabel, playButton, charts);
        ringViewPane.getChildren().addAll(timelinePresenter.ringView, timelinePresenter.latentView);
        timelinePresenter.latentView.setVisible(false);
        weightHistogramPane.getChildren().add(timelinePresenter.weightHistogram);
        runsList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runsList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LiveRun run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : run.summary());
            }
        });
        runsList.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<LiveRun>) change -> showSelection());
        new FrameTicker(FRAMES_PER_SECOND, now -> {
            try {
                onFrame(now);
            } catch (RuntimeException e) {
                // a drawing bug must not stop the frame loop: say so and keep going
                messageLabel.setText("display error: " + org.ringlab.train.Failures.describe(e));
            }
        }).start();
        CappedLabel.cap(statusLabel, 210);
        CappedLabel.cap(deviceLabel, 230);
        CappedLabel.cap(progressLabel, 170);
        initializeRunActions();
        for (Button b : List.of(startButton, pauseButton, resumeButton, stepButton, stopButton, resumeRunButton,
                deleteRunButton, queueUpButton, queueDownButton, queueCancelButton, restartWorkerButton)) {
            idleText.put(b, b.getText());
        }
        // Start follows the setup at once (the problems list changes before validProperty does,
        // and the frame pump that used to correct it 60 times a second now runs 10 times)
        setup.validProperty().addListener(obs -> updateControls());
        updateControls();
        // loading the engine takes a moment (longer on first use): never on the JavaFX thread
        showDevice();
        deviceLabel.setText("engine loading…");
    }

    public SetupModel setup() {
        return setup;
    }

    // ---- setup panel

    private void bindSetup() {
        methodBox.setItems(FXCollections.observableArrayList(Method.values()));
        ringTypeBox.setItems(FXCollections.observableArrayList(RingType.values()));
        ringModeBox.setItems(FXCollections.observableArrayList(RingMode.values()));
        modelBox.setItems(FXCollections.observableArrayList(ModelKind.values()));
        optimizerBox.setItems(FXCollections.observableArrayList(OptimizerKind.values()));
        deviceBox.setItems(FXCollections.observableArrayList(DeviceKind.values()));
        methodBox.valueProperty().bindBidirectional(setup.method);
        ringTypeBox.valueProperty().bindBidirectional(setup.ringType);
        ringModeBox.valueProperty().bindBidirectional(setup.ringMode);
        modelBox.valueProperty().bindBidirectional(setup.model);
        optimizerBox.valueProperty().bindBidirectional(setup.optimizer);
        deviceBox.valueProperty().bindBidirectional(setup.device);
        batchNormBox.selectedProperty().bindBidirectional(setup.batchNorm);
        Map<TextField, String> fields = new LinkedHashMap<>();
        bindText(ringSizeField, setup.ringSize, "ring-size", fields);
        bindText(sigmaField, setup.sigma, "sigma", fields);
        bindText(dataField, setup.data, "data", fields);
        bindText(lrField, setup.lr, "lr", fields);
        bindText(epochsField, setup.epochs, "epochs", fields);
        bindText(scheduleField, setup.schedule, "schedule", fields);
        bindText(warmupField, setup.warmupEpochs, "warmup-epochs", fields);
        bindText(batchSizeField, setup.batchSize, "batch-size", fields);
        bindText(seedField, setup.seed, "seed", fields);
        bindMethodOptions(fields);
        ringPreviewLabel.textProperty().bind(setup.ringPreviewProperty());
        setup.problems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            problemsLabel.setText(String.join("\n", setup.problems()));
            fields.forEach((field, key) -> field.getStyleClass().removeAll("invalid"));
            fields.forEach((field, key) -> {
                List<String> mine = setup.problemsFor(key);
                if (!mine.isEmpty()) {
                    field.getStyleClass().add("invalid");
                }
                field.setTooltip(mine.isEmpty() ? null : new javafx.scene.control.Tooltip(String.join("\n", mine)));
            });
            updateControls();
            drawLearningRate();
        });
        problemsLabel.setText(String.join("\n", setup.problems()));
        lrPlot.setPrefHeight(60);
        lrPlot.prefWidthProperty().bind(lrPlotPane.widthProperty());
        lrPlotPane.getChildren().add(lrPlot);
        drawLearningRate();
    }

    /** The method's own settings, each row shown only for the method that uses it. */
    private void bindMethodOptions(Map<TextField, String> fields) {
        twnVariantBox.setItems(FXCollections.observableArrayList(TwnVariant.values()));
        twnVariantBox.valueProperty().bindBidirectional(setup.twnVariant);
        bitnetRmsnormBox.selectedProperty().bindBidirectional(setup.bitnetRmsnorm);
        bitnetLayerwiseBox.selectedProperty().bindBidirectional(setup.bitnetLayerwise);
        bindText(bitsField, setup.bits, "bits", fields);
        bindText(ttqThresholdField, setup.ttqThreshold, "ttq-threshold", fields);
        bindText(bitnetWarmupField, setup.bitnetWarmup, "bitnet-warmup", fields);
        bindText(tequilaLambdaField, setup.tequilaLambda, "tequila-lambda", fields);
        bindText(tequilaGroupField, setup.tequilaGroup, "tequila-group", fields);
        bindText(annealSigmaField, setup.annealSigma, "anneal-sigma", fields);
        bindText(pow2SlopeField, setup.pow2Slope, "pow2-slope", fields);
        showFor(Method::usesBits, bitsLabel, bitsField);
        showFor(m -> m == Method.TWN, twnVariantLabel, twnVariantBox);
        showFor(m -> m == Method.TTQ, ttqThresholdLabel, ttqThresholdField);
        showFor(m -> m == Method.BITNET, bitnetRmsnormBox, bitnetWarmupLabel, bitnetWarmupField, bitnetLayerwiseBox);
        showFor(m -> m == Method.TEQUILA, tequilaLambdaLabel, tequilaLambdaField, tequilaGroupLabel, tequilaGroupField);
        showFor(m -> m == Method.RING_ANNEAL, annealSigmaLabel, annealSigmaField);
        showFor(m -> m == Method.POW2, pow2SlopeLabel, pow2SlopeField);
    }

    private void showFor(java.util.function.Predicate<Method> uses, javafx.scene.Node... nodes) {
        javafx.beans.binding.BooleanBinding shown = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> setup.method.get() != null && uses.test(setup.method.get()), setup.method);
        for (javafx.scene.Node n : nodes) {
            n.visibleProperty().bind(shown);
            n.managedProperty().bind(shown);
        }
    }

    private static void bindText(TextField field, javafx.beans.property.StringProperty property, String key,
            Map<TextField, String> fields) {
        field.textProperty().bindBidirectional(property);
        fields.put(field, key);
    }

    private void drawLearningRate() {
        lrPlot.show(setup.config());
    }

    @FXML
    private void onBrowse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("MNIST-format or CIFAR-10 binary folder");
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            setup.data.set(dir.getAbsolutePath());
        }
    }

    @FXML
    private void onCopyConfig() {
        ClipboardContent content = new ClipboardContent();
        content.putString(setup.toJson());
        Clipboard.getSystemClipboard().setContent(content);
        messageLabel.setText("configuration copied as JSON");
    }

    @FXML
    private void onPasteConfig() {
        String text = Clipboard.getSystemClipboard().getString();
        String problem = text == null ? "the clipboard holds no text" : setup.pasteJson(text);
        messageLabel.setText(problem == null ? "configuration pasted" : "paste: " + problem.replace('\n', ' '));
    }

    // ---- run control

    @FXML
    void onStart() {
        RunConfig config = setup.config();
        if (config == null || pendingButtons.contains(startButton)) {
            return;
        }
        TrainingService s = service;
        pending(startButton, true);
        calls.call(ServiceCalls.SERVICE, () -> s.submit(config), handle -> {
            pending(startButton, false);
            LiveRun run = new LiveRun(handle);
            runs.put(handle.id(), run);
            runsList.getItems().add(run);
            current = run;
            timelinePresenter.showRun(run);
            runsList.getSelectionModel().clearSelection();
            runsList.getSelectionModel().select(run);
            updateControls();
        }, error -> {
            pending(startButton, false);
            if (error instanceof InvalidConfigException) {
                setStatus(RunStatus.FAILED, error.getMessage().replace('\n', ' '));
            } else {
                fail("start", error);
            }
        });
    }

    @FXML
    void onPause() {
        control(pauseButton, RunHandle::pause);
    }

    @FXML
    void onResume() {
        control(resumeButton, RunHandle::resume);
    }

    @FXML
    void onStep() {
        control(stepButton, RunHandle::step);
    }

    @FXML
    void onStop() {
        control(stopButton, RunHandle::stop);
    }

    /** Sends a control to the current run on that run's lane, so its controls reach it in the order given. */
    private void control(Button button, java.util.function.Consumer<RunHandle> action) {
        if (current == null) {
            return;
        }
        RunHandle handle = current.handle;
        String key = handle.id() + "/" + button.getId();
        if (!pendingControls.add(key)) {
            return;
        }
        updateControls();
        calls.run(ServiceCalls.runLane(handle.id()), () -> action.accept(handle), () -> {
            pendingControls.remove(key);
            updateControls();
        }, error -> {
            pendingControls.remove(key);
            fail(idleText.get(button).toLowerCase(Locale.ROOT) + " " + handle.name(), error);
            updateControls();
        });
    }

    /** Marks a button's call as under way (or ended) and redraws the controls. */
    private void pending(Button button, boolean underWay) {
        if (underWay) {
            pendingButtons.add(button);
        } else {
            pendingButtons.remove(button);
        }
        updateControls();
    }

    /** One line in the message bar, never a stack trace. */
    private void fail(String what, Throwable error) {
        messageLabel.setText(what + ": " + org.ringlab.train.Failures.describe(error).replace('\n', ' '));
    }

    private boolean controlPending(Button button) {
        return current != null && pendingControls.contains(current.handle.id() + "/" + button.getId());
    }

    /** Disabled while its call is under way or {@code off}; says "Stopping…" etc. and has style class "pending". */
    private void show(Button button, boolean pending, boolean off) {
        button.setDisable(pending || off);
        String text = pending ? BUSY_TEXT.get(button.getId()) : idleText.get(button);
        if (text != null && !text.equals(button.getText())) {
            button.setText(text);
        }
        if (pending != button.getStyleClass().contains("pending")) {
            if (pending) {
                button.getStyleClass().add("pending");
            } else {
                button.getStyleClass().remove("pending");
            }
        }
    }

    /** Pause when running, resume when paused (the space-bar shortcut). */
    void togglePause() {
        if (current == null) {
            return;
        }
        if (current.handle.status() == RunStatus.PAUSED) {
            onResume();
        } else if (current.handle.status() == RunStatus.RUNNING) {
            onPause();
        }
    }

    private void updateControls() {
        RunStatus s = current == null ? null : current.handle.status();
        boolean active = s != null && !s.isTerminal();
        show(startButton, pendingButtons.contains(startButton), !setup.validProperty().get() || active);
        show(pauseButton, controlPending(pauseButton), s != RunStatus.RUNNING);
        show(resumeButton, controlPending(resumeButton), s != RunStatus.PAUSED);
        show(stepButton, controlPending(stepButton), s != RunStatus.PAUSED);
        show(stopButton, controlPending(stopButton), !active);
        LiveRun selected = runsList.getSelectionModel().getSelectedItem();
        RunStatus sel = selected == null ? null : selected.handle.status();
        show(resumeRunButton, pendingButtons.contains(resumeRunButton),
                !(sel == RunStatus.INTERRUPTED || sel == RunStatus.STOPPED || sel == RunStatus.FAILED) || !workerWasAlive);
        show(deleteRunButton, pendingButtons.contains(deleteRunButton), pastRuns == null || sel == null
                || !sel.isTerminal());
        for (Button b : List.of(queueUpButton, queueDownButton, queueCancelButton, restartWorkerButton)) {
            show(b, pendingButtons.contains(b), false);
        }
    }

    private void setStatus(RunStatus status, String message) {
        String text = status.id() + (message == null || message.isBlank() ? "" : ": " + message);
        if (text.equals(statusLabel.getText()) && statusLabel.getStyleClass().contains(status.id())) {
            return; // unchanged: style classes removed and added again would re-apply CSS every frame
        }
        statusLabel.setText(text);
        statusLabel.getStyleClass().removeAll("running", "failed", "diverged", "paused", "finished", "stopped",
                "interrupted", "pending");
        statusLabel.getStyleClass().add(status.id());
    }

    // ---- per frame

    private void onFrame(long now) {
        boolean snapshotsArrived = false;
        for (LiveRun run : runs.values()) {
            EventInbox.Batch batch = run.inbox.drain();
            if (batch.isEmpty()) {
                continue;
            }
            if (charted.contains(run.handle.id())) {
                charts.appendSteps(run.handle.id(), run.unchartedSteps(batch.steps()));
                charts.appendEpochs(run.handle.id(), run.unchartedEpochs(batch.epochs()));
            }
            if (!batch.epochs().isEmpty()) {
                run.lastEpoch = batch.epochs().get(batch.epochs().size() - 1);
            }
            if (!batch.steps().isEmpty()) {
                var last = batch.steps().get(batch.steps().size() - 1);
                run.progressFraction = run.progress.fraction(last);
                run.progressText = run.progress.describe(last, run.handle.config().batchSize(), now);
            }
            if (run.addSnapshots(batch.snapshots())) {
                snapshotsArrived |= run == current;
            }
            if (batch.status() != null || !batch.epochs().isEmpty()) {
                runsList.refresh();
            }
        }
        pollService(now);
        if (current != null) {
            progressBar.setProgress(current.progressFraction);
            progressLabel.setText(current.progressText);
            setStatus(current.handle.status(), current.handle.statusMessage());
            if (snapshotsArrived) {
                timelinePresenter.snapshotsArrived();
            }
        }
        updateControls();
    }

    /** Figures and tables of the selected runs (or the current one) into a folder, off the JavaFX thread. */
    @FXML
    private void onExport() {
        List<Path> dirs = new ArrayList<>();
        for (LiveRun run : runsList.getSelectionModel().getSelectedItems()) {
            if (java.nio.file.Files.isRegularFile(run.handle.directory().resolve("metrics.csv"))) {
                dirs.add(run.handle.directory());
            }
        }
        if (dirs.isEmpty()) {
            messageLabel.setText("export: select runs that have finished at least one epoch");
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the figures and tables");
        File folder = chooser.showDialog(root.getScene().getWindow());
        if (folder != null) {
            exportTo(dirs, folder.toPath());
        }
    }

    void exportTo(List<Path> dirs, Path folder) {
        messageLabel.setText("exporting " + dirs.size() + " run(s)…");
        calls.call("export", () -> RunExporter.export(dirs, folder),
                files -> messageLabel.setText("exported " + files + " files to " + folder),
                error -> fail("export failed", error));
    }

    /** Finished runs side by side, and sweeps; runs a sweep queues join the runs list. */
    @FXML
    void onCompare() {
        if (comparison == null) {
            comparison = new org.ringlab.ui.compare.ComparisonWindow(service, calls, setup::config,
                    new org.ringlab.train.DataSetProbe(), this::adopt);
            if (clusterRuns != null) {
                comparison.sweepDialog().sendWith(clusterRuns);
                clusterRuns.copies().forEach(comparison::open);
            }
        }
        comparison.show(root.getScene().getWindow());
    }

    /** A run queued elsewhere (a sweep) appears in the runs list like one started here. */
    private void adopt(RunHandle handle) {
        LiveRun run = new LiveRun(handle);
        runs.put(handle.id(), run);
        runsList.getItems().add(run);
    }

    /** A cluster run imported again: listed once, replaced (keeping its place and selection) as it moves on. */
    private void showClusterRun(RunHandle handle) {
        LiveRun run = new LiveRun(handle);
        LiveRun old = runs.put(handle.id(), run);
        int index = runsList.getItems().indexOf(old);
        if (old == null || index < 0) {
            runsList.getItems().add(run);
            return;
        }
        boolean selected = runsList.getSelectionModel().getSelectedItems().contains(old);
        if (charted.remove(handle.id())) {
            charts.removeRun(handle.id());
        }
        runsList.getItems().set(index, run);
        if (selected) {
            runsList.getSelectionModel().select(run);
        }
    }

    private ClusterRuns.View clusterView() {
        return new ClusterRuns.View() {
            @Override
            public void show(RunHandle run) {
                showClusterRun(run);
            }

            @Override
            public void copied(Path folder) {
                if (comparison != null) {
                    comparison.open(folder);
                }
            }

            @Override
            public void note(String message) {
                messageLabel.setText(message);
            }
        };
    }

    /** Stops following cluster sweeps (they run on under Slurm) and closes their SSH connections. */
    void closeCluster() {
        if (clusterRuns != null) {
            clusterRuns.close();
        }
    }

    @FXML
    private void onResetZoom() {
        charts.resetZoom();
    }

    @FXML
    private void onPlay() {
        timelinePresenter.togglePlay();
    }

    private void showSelection() {
        List<LiveRun> selected = new ArrayList<>(runsList.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        // remove and re-add rather than clear: a run keeps its colour for as long as the window lives
        for (String id : new ArrayList<>(charted)) {
            if (selected.stream().noneMatch(r -> r.handle.id().equals(id))) {
                charts.removeRun(id);
                charted.remove(id);
                runs.get(id).unchart();
            }
        }
        for (LiveRun run : selected) {
            if (charted.add(run.handle.id())) {
                charts.addRun(run.handle.id(), run.handle.name());
                charts.appendSteps(run.handle.id(), run.unchartedSteps(run.handle.history().steps()));
                charts.appendEpochs(run.handle.id(), run.unchartedEpochs(run.handle.history().epochs()));
            }
        }
        LiveRun focus = selected.get(selected.size() - 1);
        if (focus != current) {
            current = focus;
            current.addSnapshots(current.handle.history().snapshots());
            timelinePresenter.showRun(current);
        }
        updateControls();
    }

    // ---- theme and demo mode

    @FXML
    void onTheme() {
        boolean dark = themeToggle.isSelected();
        if (dark) {
            root.getScene().getRoot().getStyleClass().add("dark");
        } else {
            root.getScene().getRoot().getStyleClass().remove("dark");
        }
        timelinePresenter.setDark(dark);
        charts.setDark(dark);
    }

    void toggleTheme() {
        themeToggle.setSelected(!themeToggle.isSelected());
        onTheme();
    }

    @FXML
    void onDemo() {
        boolean demo = demoToggle.isSelected();
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

    void toggleDemo() {
        demoToggle.setSelected(!demoToggle.isSelected());
        onDemo();
    }

    // ---- past runs, resume, queue, worker

    private void initializeRunActions() {
        restartWorkerButton.setVisible(false);
        restartWorkerButton.setManaged(false);
        queueList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RunHandle run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : run.name());
            }
        });
        if (pastRuns != null) {
            clusterRuns = new ClusterRuns(new org.ringlab.cluster.ClusterSweeps(pastRuns.workspace(),
                    pastRuns.runsImport(), ClusterRuns.interval()), pastRuns, clusterView(), calls);
            clusterRuns.resume();
            calls.call(STORE, pastRuns::load, past -> {
                List<LiveRun> opened = new ArrayList<>();
                for (RunHandle handle : past) {
                    if (!runs.containsKey(handle.id())) {
                        LiveRun run = new LiveRun(handle);
                        runs.put(handle.id(), run);
                        opened.add(run);
                    }
                }
                runsList.getItems().addAll(0, opened);
                if (!opened.isEmpty()) {
                    messageLabel.setText(opened.size() + " past run(s) from " + pastRuns.location());
                }
            }, error -> fail("past runs", error));
        }
    }

    /**
     * The queue and the worker's health, asked off the JavaFX thread a few times a second, each on
     * its own lane so that a slow answer to one does not hold up the other.
     */
    private void pollService(long now) {
        if (pollingQueue || pollingWorker || now - lastPoll < POLL_NANOS) {
            return;
        }
        pollingQueue = true;
        pollingWorker = true;
        lastPoll = now;
        TrainingService s = service;
        calls.call("queue", s::queued, queued -> {
            pollingQueue = false;
            if (s == service) {
                refreshQueue(queued);
            }
        }, error -> pollingQueue = false);
        calls.call("worker", s::workerAlive, alive -> {
            pollingWorker = false;
            if (s == service) {
                watchWorker(alive);
            }
        }, error -> pollingWorker = false);
    }

    /** Says at once when the worker died, and offers to start a fresh one. */
    private void watchWorker(boolean alive) {
        if (alive == workerWasAlive) {
            return;
        }
        workerWasAlive = alive;
        restartWorkerButton.setVisible(!alive);
        restartWorkerButton.setManaged(!alive);
        if (!alive) {
            messageLabel.setText("the training worker died; its runs are interrupted with their history kept. "
                    + "Restart worker, then Resume run");
            messageLabel.getStyleClass().add("alert");
        } else {
            messageLabel.getStyleClass().remove("alert");
        }
    }

    @FXML
    void onRestartWorker() {
        messageLabel.setText("starting a new worker…");
        pending(restartWorkerButton, true);
        TrainingService s = service;
        calls.run(ServiceCalls.SERVICE, s::restartWorker, () -> {
            pending(restartWorkerButton, false);
            messageLabel.setText("a new worker is running");
            showDevice();
        }, error -> {
            pending(restartWorkerButton, false);
            fail("restart failed", error);
        });
    }

    /** Continues the selected run (interrupted, stopped or failed) from its last checkpoint. */
    @FXML
    void onResumeRun() {
        LiveRun selected = runsList.getSelectionModel().getSelectedItem();
        if (selected == null) {
            messageLabel.setText("resume: select an interrupted or stopped run");
            return;
        }
        resumeRun(selected, false);
    }

    /**
     * Asks the service off the JavaFX thread (a worker may be remote); a run without a checkpoint is
     * restarted from step 0 only when the user says so.
     */
    private void resumeRun(LiveRun selected, boolean fromScratch) {
        TrainingService s = service;
        String id = selected.handle.id();
        pending(resumeRunButton, true);
        calls.call(ServiceCalls.SERVICE, () -> s.resume(id, fromScratch), handle -> {
            pending(resumeRunButton, false);
            showResumed(selected, handle, fromScratch);
            updateControls();
        }, cause -> {
            pending(resumeRunButton, false);
            if (cause instanceof org.ringlab.store.NoCheckpointException && !fromScratch) {
                if (confirmRestart(selected.handle.name())) {
                    resumeRun(selected, true);
                    return;
                }
                messageLabel.setText("resume: cancelled; " + selected.handle.name() + " is kept as it is");
            } else {
                fail("resume", cause);
            }
        });
    }

    private static boolean confirmRestart(String name) {
        javafx.scene.control.ButtonType restart = new javafx.scene.control.ButtonType("Restart",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, "Run " + name + " has no checkpoint: restart it "
                        + "from step 0? Its recorded history is kept as a superseded attempt.", restart,
                javafx.scene.control.ButtonType.CANCEL);
        ask.setHeaderText(null);
        return ask.showAndWait().filter(restart::equals).isPresent();
    }

    private void showResumed(LiveRun selected, RunHandle handle, boolean fromScratch) {
        LiveRun run = new LiveRun(handle);
        int index = runsList.getItems().indexOf(selected);
        runs.put(handle.id(), run);
        if (charted.remove(handle.id())) {
            charts.removeRun(handle.id());
        }
        if (index >= 0) {
            runsList.getItems().set(index, run);
        } else {
            runsList.getItems().add(run);
        }
        current = run;
        timelinePresenter.showRun(run);
        runsList.getSelectionModel().clearSelection();
        runsList.getSelectionModel().select(run);
        messageLabel.setText((fromScratch ? "restarting " : "resuming ") + handle.name()
                + (fromScratch ? " from step 0" : " from its last checkpoint"));
    }

    /** Deletes the selected ended runs from the store (rows and folders); nothing else is touched. */
    @FXML
    void onDeleteRun() {
        List<LiveRun> selected = new ArrayList<>(runsList.getSelectionModel().getSelectedItems());
        if (pastRuns == null || selected.isEmpty()) {
            messageLabel.setText("delete: select ended runs");
            return;
        }
        List<LiveRun> ended = new ArrayList<>();
        for (LiveRun run : selected) {
            if (run.handle.status().isTerminal()) {
                ended.add(run);
            } else {
                messageLabel.setText("delete: " + run.handle.name() + " is still " + run.handle.status().id());
            }
        }
        if (ended.isEmpty()) {
            return;
        }
        pending(deleteRunButton, true);
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        calls.call(STORE, () -> {
            List<LiveRun> deleted = new ArrayList<>();
            for (LiveRun run : ended) {
                try {
                    pastRuns.delete(run.handle.id());
                    deleted.add(run);
                } catch (RuntimeException e) {
                    problems.add(org.ringlab.train.Failures.describe(e));
                }
            }
            return deleted;
        }, deleted -> {
            pending(deleteRunButton, false);
            for (LiveRun run : deleted) {
                runs.remove(run.handle.id());
                if (charted.remove(run.handle.id())) {
                    charts.removeRun(run.handle.id());
                }
                runsList.getItems().remove(run);
                if (current == run) {
                    current = null;
                }
            }
            messageLabel.setText(problems.isEmpty() ? "deleted " + deleted.size() + " run(s)"
                    : "delete: " + problems.get(0).replace('\n', ' '));
            updateControls();
        }, error -> {
            pending(deleteRunButton, false);
            fail("delete", error);
        });
    }

    private void refreshQueue(List<RunHandle> queued) {
        List<String> ids = queued.stream().map(RunHandle::id).toList();
        if (!ids.equals(drawnQueue)) {
            drawnQueue = ids;
            RunHandle selected = queueList.getSelectionModel().getSelectedItem();
            queueList.getItems().setAll(queued);
            if (selected != null) {
                queued.stream().filter(r -> r.id().equals(selected.id())).findFirst()
                        .ifPresent(r -> queueList.getSelectionModel().select(r));
            }
        }
    }

    @FXML
    void onQueueUp() {
        editQueue(queueUpButton, (s, id) -> s.moveQueued(id, -1));
    }

    @FXML
    void onQueueDown() {
        editQueue(queueDownButton, (s, id) -> s.moveQueued(id, 1));
    }

    @FXML
    void onQueueCancel() {
        editQueue(queueCancelButton, TrainingService::cancelQueued);
    }

    /** Queue edits share the service's lane: they reach it in the order they were made. */
    private void editQueue(Button button, java.util.function.BiConsumer<TrainingService, String> edit) {
        RunHandle run = queueList.getSelectionModel().getSelectedItem();
        if (run == null) {
            return;
        }
        TrainingService s = service;
        pending(button, true);
        calls.run(ServiceCalls.SERVICE, () -> edit.accept(s, run.id()), () -> {
            pending(button, false);
            drawnQueue = List.of();
            lastPoll = 0;
        }, error -> {
            pending(button, false);
            fail("queue", error);
        });
    }

    /** "Connect to service…": trains on a worker elsewhere (e.g. a GPU machine) from now on. */
    @FXML
    void onConnect() {
        if (connector == null) {
            messageLabel.setText("connecting is not available here");
            return;
        }
        new ConnectDialog().showAndWait().ifPresent(request -> {
            ServiceAddress address;
            try {
                address = ServiceAddress.parse(request.address());
            } catch (IllegalArgumentException e) {
                messageLabel.setText("connect: " + e.getMessage());
                return;
            }
            connectTo(address, request.token());
        });
    }

    void connectTo(ServiceAddress address, String token) {
        messageLabel.setText("connecting to " + address.host() + ":" + address.port() + "…");
        TrainingService old = service;
        calls.call("connect", () -> {
            if (old.runs().stream().anyMatch(r -> !r.status().isTerminal())) {
                throw new IllegalStateException("stop or finish the runs in progress first");
            }
            return connector.connect(address.host(), address.port(), token);
        }, remote -> {
            service = remote;
            workerWasAlive = true;
            drawnQueue = List.of();
            // the runs trained so far stay listed with their history; the old service is let go
            calls.run("connect", old::close, () -> { }, error -> { });
            messageLabel.setText("connected to " + address.host() + ":" + address.port());
            showDevice();
        }, error -> fail("connect", error));
    }

    private void showDevice() {
        deviceLabel.setText("…");
        TrainingService s = service;
        calls.call("device", s::describeDevice, deviceLabel::setText,
                error -> deviceLabel.setText("engine unavailable: "
                        + org.ringlab.train.Failures.describe(error).replace('\n', ' ')));
    }

    /** The charts (tests read what they show). */
    MetricsCharts charts() {
        return charts;
    }

    /** A line for the message bar (how the app started, what is unavailable). */
    void note(String text) {
        messageLabel.setText(text);
    }

    Path workspaceHint() {
        return current == null ? null : current.handle.directory();
    }
}
