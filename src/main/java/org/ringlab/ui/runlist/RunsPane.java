package org.ringlab.ui.runlist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import org.ringlab.ui.LiveRun;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.export.ExportDialog;
import org.ringlab.ui.probe.ProbeWindow;

/** The runs list and its buttons (fxml/runs.fxml): shows a {@link RunsModel} and its {@link RunActions}. */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class RunsPane {
    private final RunsModel model;
    private final RunActions actions;
    private final MessageBar messages;

    @FXML private ListView<LiveRun> runsList;
    @FXML private Button resumeRunButton;
    @FXML private Button deleteRunButton;

    public RunsPane(RunsModel model, RunActions actions, MessageBar messages) {
        this.model = model;
        this.actions = actions;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        runsList.setItems(model.items());
        runsList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runsList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LiveRun run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : run.summary());
            }
        });
        runsList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<LiveRun>) change ->
                model.select(new ArrayList<>(runsList.getSelectionModel().getSelectedItems())));
        model.attach(new RunsModel.Selector() {
            @Override
            public void only(LiveRun run) {
                runsList.getSelectionModel().clearSelection();
                runsList.getSelectionModel().select(run);
            }

            @Override
            public void add(LiveRun run) {
                runsList.getSelectionModel().select(run);
            }
        }, runsList::refresh);
        // #13 item 4: the feature-discrimination probe of the run right-clicked (the selected one)
        MenuItem probe = new MenuItem("Feature discrimination…");
        probe.setOnAction(e -> {
            LiveRun run = runsList.getSelectionModel().getSelectedItem();
            if (run != null) {
                ProbeWindow.show(runsList.getScene().getWindow(), run.handle,
                        model.items().stream().map(r -> r.handle).toList());
            }
        });
        runsList.setContextMenu(new ContextMenu(probe));
        actions.resumeRun.bind(resumeRunButton);
        actions.deleteRun.bind(deleteRunButton);
    }

    @FXML
    private void onResumeRun() {
        actions.resumeSelected();
    }

    @FXML
    private void onDeleteRun() {
        actions.deleteSelected();
    }

    /** Figures and tables of the selected runs into a folder the user picks. */
    @FXML
    private void onExport() {
        List<Path> dirs = actions.exportable();
        if (dirs.isEmpty()) {
            messages.say("export: select runs that have finished at least one epoch");
            return;
        }
        ExportDialog.ask(runsList.getScene().getWindow(), Path.of(System.getProperty("user.home"), "ringlab-figures"),
                dirs.size()).ifPresent(choices -> actions.exportTo(dirs, choices));
    }

    /** Asks before a run without a checkpoint restarts from step 0. */
    public static boolean confirmRestart(String name) {
        ButtonType restart = new ButtonType("Restart", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Run " + name + " has no checkpoint: restart it "
                + "from step 0? Its recorded history is kept as a superseded attempt.", restart, ButtonType.CANCEL);
        ask.setHeaderText(null);
        return ask.showAndWait().filter(restart::equals).isPresent();
    }
}
