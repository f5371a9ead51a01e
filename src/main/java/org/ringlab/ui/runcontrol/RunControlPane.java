package org.ringlab.ui.runcontrol;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.CappedLabel;

/** The toolbar (fxml/runcontrol.fxml): shows a {@link RunControlModel} and sends it the clicks. */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class RunControlPane {
    private static final String[] STATUS_CLASSES = {"running", "failed", "diverged", "paused", "finished",
        "stopped", "interrupted", "pending"};

    private final RunControlModel model;
    private final Runnable compare;

    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label statusLabel;
    @FXML private ToggleButton themeToggle;
    @FXML private ToggleButton demoToggle;

    /** @param compare opens the Compare window (the shell's) */
    public RunControlPane(RunControlModel model, Runnable compare) {
        this.model = model;
        this.compare = compare;
    }

    @FXML
    private void initialize() {
        model.start.bind(startButton);
        model.pause.bind(pauseButton);
        model.resume.bind(resumeButton);
        model.step.bind(stepButton);
        model.stop.bind(stopButton);
        progressBar.progressProperty().bind(model.progress);
        progressLabel.textProperty().bind(model.progressText);
        statusLabel.textProperty().bind(model.status);
        model.statusKind.addListener((obs, was, now) -> showKind(now));
        themeToggle.selectedProperty().bindBidirectional(model.dark);
        demoToggle.selectedProperty().bindBidirectional(model.demo);
        CappedLabel.cap(statusLabel, 210);
        CappedLabel.cap(progressLabel, 170);
    }

    private void showKind(RunStatus kind) {
        statusLabel.getStyleClass().removeAll(STATUS_CLASSES);
        if (kind != null) {
            statusLabel.getStyleClass().add(kind.id());
        }
    }

    @FXML
    private void onStart() {
        model.start();
    }

    @FXML
    private void onPause() {
        model.pause();
    }

    @FXML
    private void onResume() {
        model.resume();
    }

    @FXML
    private void onStep() {
        model.step();
    }

    @FXML
    private void onStop() {
        model.stop();
    }

    @FXML
    private void onCompare() {
        compare.run();
    }
}
