package org.ringlab.ui.worker;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.ringlab.ui.CappedLabel;
import org.ringlab.ui.ConnectDialog;

/** The worker's corner of the toolbar (fxml/worker.fxml): shows a {@link WorkerModel}. */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class WorkerPane {
    private final WorkerModel model;

    @FXML private Button restartWorkerButton;
    @FXML private Label deviceLabel;

    public WorkerPane(WorkerModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        model.restart.bind(restartWorkerButton);
        // offered only while the worker is dead
        restartWorkerButton.visibleProperty().bind(model.aliveProperty().not());
        restartWorkerButton.managedProperty().bind(model.aliveProperty().not());
        deviceLabel.textProperty().bind(model.device);
        CappedLabel.cap(deviceLabel, 230);
    }

    @FXML
    private void onRestartWorker() {
        model.restart();
    }

    /** "Connect to service…": trains on a worker elsewhere (e.g. a GPU machine) from now on. */
    @FXML
    private void onConnect() {
        if (!model.canConnect()) {
            model.connect(null, null);
            return;
        }
        new ConnectDialog().showAndWait().ifPresent(request -> model.connect(request.address(), request.token()));
    }
}
