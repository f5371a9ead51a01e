package org.ringlab.ui.compare;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.ringlab.config.DataProbe;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.ui.ServiceCalls;
import org.ringlab.tables.TableFormat;

/**
 * The "Compare" window: the comparison table of every run of the workspace's store (recorded by
 * this launch or an earlier one), of this session's runs that have ended and of run folders opened
 * from disk, refreshed as runs end, with the sweep launcher and copy buttons above it. Its columns
 * add the configuration keys that differ between the rows and flag rows that are not comparable
 * ({@link ComparisonRows}). The user narrows it to the runs they want by removing rows (Remove selected
 * or the Delete key) and widens it again with Show all.
 */
public final class ComparisonWindow {
    private static final String METRICS = "metrics.csv";
    private static final String CONFIG = "config.json";

    private final TrainingService service;
    private final ServiceCalls calls;
    /** A scan is under way; {@link #rescan} asks for one more when it ends. */
    private boolean scanning;
    private boolean rescan;
    private final ComparisonPane pane = new ComparisonPane();
    private final SweepDialog sweep;
    private final Set<Path> opened = new LinkedHashSet<>();
    /** Runs the user took out of the comparison; they stay out until Show all, or their folder is opened again. */
    private final Set<Path> removed = new LinkedHashSet<>();
    private final BorderPane root = new BorderPane();
    private final Timeline poll = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshIfChanged()));
    private List<String> shown = List.of();
    private Stage stage;
    /** The workspace's store, whose every run is compared; null for none (this session's runs only). */
    private WorkspaceRuns workspace;

    public ComparisonWindow(TrainingService service, ServiceCalls calls, Supplier<RunConfig> base, DataProbe probe,
            Consumer<RunHandle> submitted) {
        this.service = service;
        this.calls = calls;
        this.sweep = new SweepDialog(service, calls, base, probe, submitted);
        Button sweepButton = new Button("Sweep…");
        sweepButton.setId("sweepButton");
        sweepButton.setOnAction(e -> sweep.show(root.getScene() == null ? null : root.getScene().getWindow()));
        Button open = new Button("Open run folders…");
        open.setId("openRunsButton");
        open.setOnAction(e -> chooseFolder());
        Button markdown = new Button("Copy Markdown");
        markdown.setId("copyMarkdownButton");
        markdown.setOnAction(e -> pane.copy(TableFormat.MARKDOWN));
        Button csv = new Button("Copy CSV");
        csv.setId("copyCsvButton");
        csv.setOnAction(e -> pane.copy(TableFormat.CSV));
        Button latex = new Button("Copy LaTeX");
        latex.setId("copyLatexButton");
        latex.setOnAction(e -> pane.copy(TableFormat.LATEX));
        Button remove = new Button("Remove selected");
        remove.setId("removeRowsButton");
        remove.setOnAction(e -> removeSelected());
        remove.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(
                pane.tableView().getSelectionModel().getSelectedItems()));
        Button all = new Button("Show all");
        all.setId("showAllButton");
        all.setOnAction(e -> showAll());
        pane.tableView().setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE) {
                removeSelected();
            }
        });
        root.setTop(new ToolBar(sweepButton, open, new Separator(), remove, all, new Separator(), markdown, csv, latex));
        root.setCenter(pane);
        poll.setCycleCount(Timeline.INDEFINITE);
    }

    /**
     * Compares every run recorded in the workspace's store, from this launch and every earlier
     * one, besides the runs of the service and the folders opened.
     */
    public void compareWorkspace(WorkspaceRuns runs) {
        this.workspace = runs;
    }

    public ComparisonPane pane() {
        return pane;
    }

    public SweepDialog sweepDialog() {
        return sweep;
    }

    public BorderPane root() {
        return root;
    }

    /** Opens (or raises) the window and starts following the service's runs. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("RingLab: compare runs");
            Scene scene = new Scene(root, 1100, 420);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
                scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
            }
            stage.setScene(scene);
            stage.setOnHidden(e -> poll.stop());
        }
        stage.show();
        stage.toFront();
        refreshIfChanged();
        poll.play();
    }

    /**
     * Adds runs from disk: the folder itself if it is a run, else every run sub-folder it holds,
     * listed again at each refresh so a sweep still writing there keeps adding rows.
     */
    public void open(Path folder) {
        opened.add(folder);
        removed.removeIf(dir -> dir.equals(folder) || folder.equals(dir.getParent()));
        refreshIfChanged();
    }

    /**
     * Takes the selected rows' runs (every seed of a merged row) out of the table; nothing is
     * deleted on disk, and Show all brings them back.
     */
    public void removeSelected() {
        List<Path> dirs = pane.selectedDirectories();
        if (!dirs.isEmpty()) {
            removed.addAll(dirs);
            refreshIfChanged();
        }
    }

    /** Brings back every run taken out with Remove selected. */
    public void showAll() {
        removed.clear();
        refreshIfChanged();
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A run folder, or a folder of runs (e.g. a sweep)");
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            open(dir.toPath());
        }
    }

    /** The runs to compare now: folders opened, then this session's runs that have ended with metrics. */
    private List<Path> runDirectories(List<Path> opened, Set<Path> removed) {
        List<Path> dirs = new ArrayList<>();
        for (Path folder : opened) {
            if (Files.isRegularFile(folder.resolve(CONFIG))) {
                dirs.add(folder);
                continue;
            }
            try (Stream<Path> children = Files.list(folder)) {
                children.filter(d -> Files.isRegularFile(d.resolve(CONFIG))).sorted().forEach(dirs::add);
            } catch (java.io.IOException e) {
                // a folder that vanished or cannot be listed adds nothing; the others still show
            }
        }
        for (RunHandle run : service.runs()) {
            if (run.status().isTerminal() && Files.isRegularFile(run.directory().resolve(METRICS))
                    && !dirs.contains(run.directory())) {
                dirs.add(run.directory());
            }
        }
        dirs.removeAll(removed);
        return dirs;
    }

    /**
     * Re-reads only when the set of runs or one of their files changed (a status written after
     * the service reported it, a folder opened while a command-line sweep still writes to it).
     */
    @SuppressWarnings("FutureReturnValueIgnored") // load reports its own failures in the pane
    void refreshIfChanged() {
        if (scanning) {
            rescan = true;
            return;
        }
        scanning = true;
        List<Path> folders = List.copyOf(opened);
        Set<Path> out = Set.copyOf(removed);
        WorkspaceRuns store = workspace;
        // the service's runs, the store and the files' times are asked off the JavaFX thread
        calls.call("compare", () -> {
            List<Path> dirs = runDirectories(folders, out);
            List<String> key = new ArrayList<>();
            if (store != null) {
                key.add(store.version());
            }
            for (Path dir : dirs) {
                key.add(dir + " " + modified(dir.resolve(METRICS)) + " " + modified(dir.resolve("run.json")) + " "
                        + modified(dir.resolve("bits.json")));
            }
            return new Scan(dirs, key);
        }, scan -> {
            if (!scan.key().equals(shown)) {
                shown = scan.key();
                pane.load(scan.dirs(), store == null ? skipped -> List.of() : skipped -> store.read(skipped).stream()
                        .filter(run -> run.directory() == null || !out.contains(run.directory())).toList());
            }
            scanned();
        }, error -> scanned()); // the table stays as it is; the next poll asks again
    }

    private void scanned() {
        scanning = false;
        if (rescan) {
            rescan = false;
            refreshIfChanged();
        }
    }

    private record Scan(List<Path> dirs, List<String> key) {
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
