package org.ringlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.util.Callback;
import org.ringlab.config.DeviceKind;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.OptimizerKind;
import org.ringlab.config.RingMode;
import org.ringlab.config.RingType;
import org.ringlab.config.TwnVariant;
import org.ringlab.service.TrainingService;
import org.ringlab.ui.charts.MetricsCharts;
import org.ringlab.ui.chartspane.ChartsModel;
import org.ringlab.ui.chartspane.ChartsPane;
import org.ringlab.ui.latent.LatentPane;
import org.ringlab.ui.queue.QueueModel;
import org.ringlab.ui.queue.QueuePane;
import org.ringlab.ui.runcontrol.RunControlModel;
import org.ringlab.ui.runcontrol.RunControlPane;
import org.ringlab.ui.runlist.RunActions;
import org.ringlab.ui.runlist.RunsModel;
import org.ringlab.ui.runlist.RunsPane;
import org.ringlab.ui.timeline.TimelinePane;
import org.ringlab.ui.worker.WorkerModel;
import org.ringlab.ui.worker.WorkerPane;

/**
 * The main window's shell (fxml/main.fxml): makes the panes' view models, hands each pane its
 * model as FXMLLoader includes it, and wires them to one another, to the frame pump and to the
 * setup panel (still here). The panes: run control and worker (the toolbar), runs, queue, charts,
 * the ring / latent view and the timeline; see docs/architecture.md, "The window".
 */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class MainController {
    static final String ALL_LAYERS = TimelinePresenter.ALL_LAYERS;

    /** Every call to the service (and the store) goes through here, never on the JavaFX thread. */
    private final ServiceCalls calls;
    private final SetupModel setup = new SetupModel();
    private final MessageBar messages = new MessageBar();
    private final MetricsCharts charts = new MetricsCharts();
    private final PulseMonitor pulses = new PulseMonitor();
    private final LearningRatePlot lrPlot = new LearningRatePlot();
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

    @FXML private BorderPane root;
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
            return new RunControlPane(control, this::onCompare);
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
        bindSetup();
        timelinePresenter = new TimelinePresenter(latentPane.layerBox(), timelinePane.slider(), timelinePane.label(),
                timelinePane.playButton(), charts);
        latentPane.show(timelinePresenter.ringView, timelinePresenter.latentView, timelinePresenter.weightHistogram);
        runs.current.addListener((obs, was, now) -> {
            if (now != null) {
                timelinePresenter.showRun(now);
            }
        });
        control.dark.addListener((obs, was, now) -> showTheme(now));
        control.demo.addListener((obs, was, now) -> showDemo(now));
        new FramePump(runs, chartsModel.charted(), charts, control, timelinePresenter, this::pollService,
                this::updateControls, messages).start();
        pulses.start();
        sweeps.followClusters();
        runs.loadPast();
        updateControls();
        // loading the engine takes a moment (longer on first use): never on the JavaFX thread
        worker.showDevice();
        worker.device.set("engine loading…");
    }

    /** Pulse-interval statistics of this window (for the responsiveness check). */
    public PulseMonitor pulses() {
        return pulses;
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

    /** Another service: its queue is drawn afresh. */
    private void connected() {
        queue.reset();
    }

    private void updateControls() {
        control.refresh();
        runActions.refresh();
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

    /** Stops following cluster sweeps (they run on under Slurm) and closes their SSH connections. */
    void closeCluster() {
        sweeps.close();
    }

    void exportTo(List<Path> dirs, Path folder) {
        runActions.exportTo(dirs, folder);
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
