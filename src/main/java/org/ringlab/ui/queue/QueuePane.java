package org.ringlab.ui.queue;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.ringlab.service.RunHandle;

/** The queue list and its buttons (fxml/queue.fxml): shows a {@link QueueModel}. */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class QueuePane {
    private final QueueModel model;

    @FXML private ListView<RunHandle> queueList;
    @FXML private Button queueUpButton;
    @FXML private Button queueDownButton;
    @FXML private Button queueCancelButton;

    public QueuePane(QueueModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        queueList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RunHandle run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : run.name());
            }
        });
        queueList.setItems(model.items);
        queueList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.selected.set(now));
        model.selected.addListener((obs, was, now) -> {
            if (now == null) {
                queueList.getSelectionModel().clearSelection();
            } else if (now != queueList.getSelectionModel().getSelectedItem()) {
                queueList.getSelectionModel().select(now);
            }
        });
        model.up.bind(queueUpButton);
        model.down.bind(queueDownButton);
        model.cancel.bind(queueCancelButton);
    }

    @FXML
    private void onQueueUp() {
        model.moveUp();
    }

    @FXML
    private void onQueueDown() {
        model.moveDown();
    }

    @FXML
    private void onQueueCancel() {
        model.cancelSelected();
    }
}
