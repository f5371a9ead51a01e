package org.ringlab.ui.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ringlab.config.ConfigEnum;
import org.ringlab.config.DataProbe;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.quant.RingType;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.sweep.SweepGrid;
import org.ringlab.sweep.SweepPlan;
import org.ringlab.sweep.SweepPoint;
import org.ringlab.train.Failures;
import org.ringlab.ui.ServiceCalls;

/**
 * Queues a grid of runs: methods × ring types × ring sizes × bit widths × seeds over the run
 * setup's configuration, with the same axis rules as {@code ringlab sweep}. The whole grid is
 * validated first; then every point goes to {@link TrainingService#submit}, which trains them one
 * after another. Or, when the main window can send sweeps to a cluster ({@link #sendWith}), the
 * grid goes to a Slurm cluster over SSH as one job array. The dialog never touches the engine or
 * the network.
 */
public final class SweepDialog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrainingService service;
    private final ServiceCalls calls;
    private final Supplier<RunConfig> base;
    private final DataProbe probe;
    private final Consumer<RunHandle> submitted;
    private final Map<String, CheckBox> methods = new LinkedHashMap<>();
    private final Map<String, CheckBox> ringTypes = new LinkedHashMap<>();
    private final TextField ringSizes = GridFields.field("ringSizesField", "4,8");
    private final TextField bits = GridFields.field("bitsField", "2,4");
    private final TextField seeds = GridFields.field("seedsField", "1,2,3");
    private final Label count = new Label();
    private final Label problems = new Label();
    private final Button queue = new Button("Queue runs");
    private final VBox content = new VBox(8);
    static final String THIS_MACHINE = "this machine";
    static final String CLUSTER = "Slurm cluster over SSH";
    private final ChoiceBox<String> runOn = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
            THIS_MACHINE, CLUSTER));
    private final Label runOnLabel = new Label("Run on");
    private final ClusterForm cluster = new ClusterForm();
    private ClusterSender sender;
    private Stage stage;
    /** True while the grid's runs are being submitted (the Queue button says so). */
    private boolean queueing;

    /**
     * @param base the run setup's configuration, or null while it is invalid
     * @param calls where the service is called, off the JavaFX thread
     * @param submitted told about every run queued (the main window lists it)
     */
    public SweepDialog(TrainingService service, ServiceCalls calls, Supplier<RunConfig> base, DataProbe probe,
            Consumer<RunHandle> submitted) {
        this.service = service;
        this.calls = calls;
        this.base = base;
        this.probe = probe;
        this.submitted = submitted;
        count.setId("sweepCount");
        problems.setId("sweepProblems");
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: -rl-error;");
        queue.setId("queueButton");
        queue.setOnAction(e -> submit());
        content.setPadding(new Insets(10));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Methods"), boxes(methods, Method.values(), "method-", Method.RING));
        grid.addRow(1, new Label("Ring types"), boxes(ringTypes, RingType.values(), "ringType-", RingType.TRIANGLE));
        grid.addRow(2, new Label("Ring sizes"), ringSizes);
        grid.addRow(3, new Label("Bits"), bits);
        grid.addRow(4, new Label("Seeds"), seeds);
        grid.addRow(5, runOnLabel, runOn);
        runOn.setId("runOnBox");
        runOn.setValue(THIS_MACHINE);
        runOn.valueProperty().addListener((o, was, now) -> runOnChanged());
        Label hint = new Label(hint());
        hint.setWrapText(true);
        content.getChildren().addAll(grid, hint, cluster.pane(), new HBox(10, queue, count), problems);
        showRunOn(false);
        cluster.pane().setVisible(false);
        cluster.pane().setManaged(false);
        for (TextField f : List.of(ringSizes, bits, seeds)) {
            f.textProperty().addListener((o, was, now) -> update());
        }
        update();
    }

    /** Which axes apply to which methods, from the methods' own facts. */
    static String hint() {
        List<String> bitMethods = Method.withBitWidths().stream().map(Method::key).toList();
        String bits = bitMethods.size() < 2 ? String.join("", bitMethods)
                : String.join(", ", bitMethods.subList(0, bitMethods.size() - 1)) + " and "
                        + bitMethods.get(bitMethods.size() - 1);
        return "Ring types and sizes apply to ring methods; bits to " + bits + "; every other setting comes from "
                + "the run setup.";
    }

    private <E extends Enum<E>> FlowPane boxes(Map<String, CheckBox> into, E[] values, String idPrefix,
            E checked) {
        FlowPane pane = new FlowPane(8, 4);
        for (E v : values) {
            CheckBox box = new CheckBox(ConfigEnum.keyOf(v));
            box.setId(idPrefix + ConfigEnum.keyOf(v));
            box.setSelected(v == checked);
            box.selectedProperty().addListener((o, was, now) -> update());
            into.put(ConfigEnum.keyOf(v), box);
            pane.getChildren().add(box);
        }
        return pane;
    }

    /** Offers "Run on: Slurm cluster over SSH", sending through {@code sender}. */
    public void sendWith(ClusterSender sender) {
        this.sender = sender;
        showRunOn(sender != null);
    }

    private void showRunOn(boolean shown) {
        for (javafx.scene.Node n : List.of(runOnLabel, runOn)) {
            n.setVisible(shown);
            n.setManaged(shown);
        }
    }

    private boolean toCluster() {
        return sender != null && CLUSTER.equals(runOn.getValue());
    }

    private void runOnChanged() {
        boolean on = toCluster();
        cluster.pane().setVisible(on);
        cluster.pane().setManaged(on);
        if (on) {
            cluster.suggestData(base.get());
        }
        if (stage != null) {
            stage.sizeToScene();
        }
        update();
    }

    /** The cluster fields (tests fill them in). */
    ClusterForm clusterForm() {
        return cluster;
    }

    /** The dialog's content, for a window of its own or a test's stage. */
    public VBox content() {
        return content;
    }

    /** Opens (or raises) the dialog's window. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Sweep");
            Scene scene = new Scene(content, 560, 320);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
        }
        update();
        stage.show();
        stage.toFront();
    }

    /** The grid the fields describe; problems in the fields go to {@code errors}. */
    SweepGrid grid(List<String> errors) {
        return new SweepGrid(GridFields.selected(methods), GridFields.selected(ringTypes),
                GridFields.list(ringSizes, "ring sizes", Integer::valueOf, errors),
                GridFields.list(bits, "bits", Integer::valueOf, errors),
                GridFields.list(seeds, "seeds", Long::valueOf, errors));
    }

    /** The points the form describes now, or an empty list with {@code errors} saying why. */
    List<SweepPoint> points(List<String> errors) {
        RunConfig config = base.get();
        if (config == null) {
            errors.add("the run setup is invalid; fix it first (the sweep starts from it)");
            return List.of();
        }
        SweepGrid grid = grid(errors);
        if (grid.methods().isEmpty()) {
            errors.add("choose at least one method");
        }
        if (grid.methods().stream().anyMatch(SweepGrid::usesRingAxes) && grid.ringTypes().isEmpty()) {
            errors.add("choose at least one ring type");
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(RunConfigJson.toJson(config.toBuilder().out(null).build()));
            return grid.expand(json, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void update() {
        List<String> errors = new ArrayList<>();
        int n = points(errors).size();
        String runs = n + " run" + (n == 1 ? "" : "s");
        count.setText(errors.isEmpty() ? runs : "");
        String verb = toCluster() ? "Send " : "Queue ";
        queue.setText(verb + (errors.isEmpty() ? runs : "runs") + (toCluster() ? " to the cluster" : ""));
        queue.setDisable(!errors.isEmpty() || cluster.sending() || queueing);
        problems.setText(String.join("\n", errors));
    }

    /**
     * Validates the whole grid and, only if every point is valid, submits them all in grid order on
     * the service's lane (off the JavaFX thread); the count says how many were queued once it is done.
     *
     * @return the runs handed to the service (none when anything is wrong; the dialog then lists the problems)
     */
    public int submit() {
        List<String> errors = new ArrayList<>();
        List<SweepPoint> points = points(errors);
        if (!errors.isEmpty()) {
            problems.setText(String.join("\n", errors));
            return 0;
        }
        if (toCluster()) {
            List<String> gridErrors = new ArrayList<>();
            return cluster.send(points, grid(gridErrors), base.get(), sender, count, problems, this::update);
        }
        SweepPlan plan = SweepPlan.of(points, probe);
        if (!plan.isValid()) {
            problems.setText(String.join("\n", plan.problems()));
            return 0;
        }
        if (queueing) {
            return 0;
        }
        queueing = true;
        queue.setText("Queueing…");
        queue.getStyleClass().add("pending");
        update();
        List<SweepPlan.PlannedRun> planned = plan.runs();
        List<String> refused = new ArrayList<>();
        calls.call(ServiceCalls.SERVICE, () -> {
            List<RunHandle> handles = new ArrayList<>();
            for (SweepPlan.PlannedRun run : planned) {
                try {
                    handles.add(service.submit(run.config()));
                } catch (InvalidConfigException e) {
                    refused.add(run.name() + ": " + String.join("; ", e.problems()));
                    break;
                } catch (RuntimeException e) {
                    refused.add(run.name() + ": " + Failures.describe(e).replace('\n', ' '));
                    break;
                }
            }
            return handles;
        }, handles -> {
            queueing = false;
            queue.getStyleClass().remove("pending");
            update();
            handles.forEach(submitted);
            int queued = handles.size();
            if (!refused.isEmpty()) {
                problems.setText(refused.get(0));
                count.setText("queued " + queued + " of " + planned.size());
                return;
            }
            problems.setText("");
            count.setText("queued " + queued + " run" + (queued == 1 ? "" : "s"));
            if (stage != null) {
                stage.hide();
            }
        }, error -> {
            queueing = false;
            queue.getStyleClass().remove("pending");
            update();
            problems.setText("queue: " + Failures.describe(error).replace('\n', ' '));
        });
        return planned.size();
    }
}
