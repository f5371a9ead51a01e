package org.ringlab.ui.probe;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ringlab.config.Method;
import org.ringlab.data.DataSets;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.FigureWriter;
import org.ringlab.probe.FeatureProbe;
import org.ringlab.probe.ProbeFigure;
import org.ringlab.probe.ProbeProgress;
import org.ringlab.probe.ProbeResult;
import org.ringlab.probe.ProbeTable;
import org.ringlab.service.RunHandle;
import org.ringlab.tables.TableFormat;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.ServiceCalls;

/**
 * "Feature discrimination…" of a run: the probe of docs/methods/probe.md (D per layer, FP32 network against
 * the run's snapped one) computed on a background thread, drawn as a line chart with right-click
 * Export… (figure or table). The FP32 network is the run's init-from, a finished FP32 run of the
 * window, or a state dict file.
 */
public final class ProbeWindow {
    /** Computes a probe; the production one reads the data set and runs {@link FeatureProbe}. */
    @FunctionalInterface
    public interface Prober {
        ProbeResult probe(RunHandle run, Path fp32, int images, ProbeProgress progress) throws IOException;
    }

    /** One way to name the FP32 network; a null path means the run's init-from. */
    record Reference(String label, Path path) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final String LANE = "probe";
    private static final String INFERRED = "INFERRED (RingLab's procedure, not the paper's): probe points after each "
            + "residual block or hidden layer and the logits, global average pooling, per-dimension standardisation, "
            + "binary/ternary threshold τ = κ·mean|x| with κ = " + FeatureProbe.DEFAULT_KAPPA + ".";

    private final RunHandle run;
    private final Prober prober;
    private final ServiceCalls calls;
    private final Stage stage = new Stage();
    final ComboBox<Reference> reference = new ComboBox<>();
    final TextField images = new TextField(Integer.toString(FeatureProbe.DEFAULT_IMAGES));
    final Button compute = new Button("Compute");
    final ProgressBar progress = new ProgressBar(0);
    final Label status = new Label();
    final LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private ProbeResult shown;

    ProbeWindow(Window owner, RunHandle run, List<RunHandle> windowRuns, Prober prober, ServiceCalls calls) {
        this.run = run;
        this.prober = prober;
        this.calls = calls;
        stage.initOwner(owner);
        stage.setTitle("Feature discrimination — " + run.name());
        String init = run.config().initFrom();
        if (init != null && !init.isBlank()) {
            reference.getItems().add(new Reference("the run's init-from (" + init.strip() + ")", null));
        }
        for (RunHandle other : windowRuns) {
            if (other.config().method() == Method.FP32 && other.status() == RunStatus.FINISHED) {
                reference.getItems().add(new Reference(other.name() + " (run " + other.id() + ")", other.directory()));
            }
        }
        reference.setPromptText("FP32 network");
        if (!reference.getItems().isEmpty()) {
            reference.getSelectionModel().select(0);
        }
        reference.setId("probeReference");
        Button file = new Button("File…");
        file.setOnAction(e -> chooseStateDict());
        images.setPrefColumnCount(6);
        images.setId("probeImages");
        compute.setId("probeCompute");
        compute.setOnAction(e -> compute());
        status.setId("probeStatus");
        status.setWrapText(true);
        // a wrapped label gets its lines only if it may be as tall as it asks
        status.setMinHeight(Region.USE_PREF_SIZE);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinHeight(Region.USE_PREF_SIZE);
        chart.setId("probeChart");
        chart.getXAxis().setLabel("layer");
        chart.getYAxis().setLabel("D (between / within classes)");
        ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        chart.setAnimated(false);
        attachExport();
        HBox controls = new HBox(6, new Label("FP32 network"), reference, file, new Label("Images"), images, compute);
        HBox.setHgrow(reference, Priority.ALWAYS);
        Label note = new Label(INFERRED);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox root = new VBox(6, controls, progress, status, chart, note);
        VBox.setVgrow(chart, Priority.ALWAYS);
        root.setPadding(new Insets(8));
        stage.setScene(new Scene(root, 760, 560));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    /** Opens the probe of {@code run}, with the window's finished FP32 runs to choose the FP32 network from. */
    public static ProbeWindow show(Window owner, RunHandle run, List<RunHandle> windowRuns) {
        ServiceCalls calls = ServiceCalls.background();
        ProbeWindow window = new ProbeWindow(owner, run, windowRuns, ProbeWindow::probeOnDisk, calls);
        window.stage.setOnHidden(e -> calls.close());
        window.stage.show();
        return window;
    }

    Stage stage() {
        return stage;
    }

    /** The probe as the command line runs it; on the calling (background) thread. */
    static ProbeResult probeOnDisk(RunHandle run, Path fp32, int images, ProbeProgress progress) throws IOException {
        Path folder = run.directory();
        Path reference = fp32 != null ? fp32 : FeatureProbe.initFrom(folder, run.config());
        return FeatureProbe.run(folder, reference, DataSets.load(FeatureProbe.dataFolder(run.config()),
                run.config().imageSize()), new FeatureProbe.Options(images, FeatureProbe.DEFAULT_SEED,
                FeatureProbe.DEFAULT_KAPPA), progress);
    }

    private void chooseStateDict() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("FP32 network: a PyTorch FP32 state dict of the run's architecture");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PyTorch state dict", "*.pth", "*.pt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            Reference r = new Reference(file.getName(), file.toPath());
            reference.getItems().add(r);
            reference.getSelectionModel().select(r);
        }
    }

    void compute() {
        Reference r = reference.getValue();
        if (r == null) {
            status.setText("Choose the FP32 network: this run has no init-from and the window no finished FP32 run");
            return;
        }
        int n;
        try {
            n = Integer.parseInt(images.getText().strip());
            new FeatureProbe.Options(n, FeatureProbe.DEFAULT_SEED, FeatureProbe.DEFAULT_KAPPA);
        } catch (IllegalArgumentException e) {
            status.setText("Images: a whole number of at least 2, got \"" + images.getText().strip() + "\"");
            return;
        }
        compute.setDisable(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        status.setText("Computing on " + n + " test images…");
        ProbeProgress onProgress = (done, total) -> Platform.runLater(() -> progress.setProgress((double) done / total));
        calls.call(LANE, () -> prober.probe(run, r.path(), n, onProgress), result -> {
            compute.setDisable(false);
            progress.setProgress(1);
            show(result);
        }, error -> {
            compute.setDisable(false);
            progress.setProgress(0);
            status.setText(oneLine(error));
        });
    }

    private static String oneLine(Throwable error) {
        Throwable e = error instanceof java.io.UncheckedIOException u ? u.getCause() : error;
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    void show(ProbeResult result) {
        shown = result;
        chart.getData().setAll(List.of(series("FP32", result, ProbeResult.Point::fp32),
                series("quantized (snapped)", result, ProbeResult.Point::quantized),
                series("FP32 binary (INFERRED τ)", result, ProbeResult.Point::fp32Binary),
                series("FP32 ternary (INFERRED τ)", result, ProbeResult.Point::fp32Ternary)));
        status.setText(String.format(Locale.ROOT, "%d test images (seed %d): accuracy FP32 %.2f%%, quantized "
                + "(snapped) %.2f%%. Right-click the chart to export it.", result.images(), result.seed(),
                result.fp32Accuracy(), result.quantizedAccuracy()));
    }

    private static XYChart.Series<String, Number> series(String name, ProbeResult result,
            ToDoubleFunction<ProbeResult.Point> value) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (ProbeResult.Point p : result.points()) {
            double v = value.applyAsDouble(p);
            if (!Double.isNaN(v)) {
                s.getData().add(new XYChart.Data<>(p.name(), v));
            }
        }
        return s;
    }

    private void attachExport() {
        MenuItem figure = new MenuItem("Export figure… (PNG, SVG, PDF)");
        figure.setOnAction(e -> save("figure", "probe.pdf", "*.pdf", "*.svg", "*.png"));
        MenuItem table = new MenuItem("Export table… (CSV, Markdown, JSON, LaTeX)");
        table.setOnAction(e -> save("table", "probe.csv", "*.csv", "*.md", "*.json", "*.tex"));
        ContextMenu menu = new ContextMenu(figure, table);
        menu.setOnShowing(e -> {
            figure.setDisable(shown == null);
            table.setDisable(shown == null);
        });
        chart.setOnContextMenuRequested(e -> {
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private void save(String what, String name, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the probe's " + what);
        chooser.setInitialFileName(name);
        for (String p : patterns) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(p.substring(2).toUpperCase(Locale.ROOT),
                    p));
        }
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            export(file.toPath());
        }
    }

    /** Writes the shown result, as a figure or a table by the file's extension, off this thread. */
    void export(Path file) {
        ProbeResult result = shown;
        String ext = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll(".*\\.", "");
        if (result == null) {
            status.setText("export: compute the probe first");
            return;
        }
        calls.run(LANE + "-export", () -> write(result, file, ext), () -> status.setText("wrote " + file),
                error -> status.setText("export " + file + ": " + oneLine(error)));
    }

    private void write(ProbeResult result, Path file, String ext) {
        try {
            switch (ext) {
                case "pdf", "svg", "png" -> FigureWriter.write(ProbeFigure.of(result, "Feature discrimination — "
                        + run.name()), FigureFormat.valueOf(ext.toUpperCase(Locale.ROOT)),
                        FigureSize.of(FigureSize.SINGLE_COLUMN, null, 300), file);
                case "csv", "md", "json", "tex" -> {
                    TableFormat format = switch (ext) {
                        case "csv" -> TableFormat.CSV;
                        case "md" -> TableFormat.MARKDOWN;
                        case "json" -> TableFormat.JSON;
                        default -> TableFormat.LATEX;
                    };
                    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        format.write(ProbeTable.of(result), w);
                    }
                }
                default -> throw new IOException("the name must end in .pdf, .svg, .png, .csv, .md, .json or .tex");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
