package org.ringlab.ui.runcontrol;

import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.talk.FontSizes;

/** The toolbar (fxml/runcontrol.fxml): shows a {@link RunControlModel} and sends it the clicks. */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class RunControlPane {
    private static final String[] STATUS_CLASSES = {"running", "failed", "diverged", "paused", "finished",
        "stopped", "interrupted", "pending"};

    private final RunControlModel model;
    private final Runnable compare;
    private final Runnable shortcuts;

    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private ToolBar toolbar;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label statusLabel;
    @FXML private CheckMenuItem themeItem;
    @FXML private CheckMenuItem demoItem;
    @FXML private Menu fontSizeMenu;

    /**
     * @param compare opens the Compare window (the shell's)
     * @param shortcuts opens the keyboard cheat sheet (the shell's)
     */
    public RunControlPane(RunControlModel model, Runnable compare, Runnable shortcuts) {
        this.model = model;
        this.compare = compare;
        this.shortcuts = shortcuts;
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
        themeItem.selectedProperty().bindBidirectional(model.dark);
        demoItem.selectedProperty().bindBidirectional(model.demo);
        fontSizeChoices();
        new ToolbarFit(toolbar, List.of(statusLabel, progressLabel), 210, 170);
    }

    /** One radio item per size; the model's size (set by a shortcut too) keeps its item checked. */
    private void fontSizeChoices() {
        ToggleGroup group = new ToggleGroup();
        for (double px : FontSizes.CHOICES) {
            RadioMenuItem item = new RadioMenuItem(String.format(Locale.ROOT, "%.0f px%s", px,
                    px == FontSizes.DEFAULT_PX ? " (default, Ctrl+0)" : ""));
            item.setUserData(px);
            item.setToggleGroup(group);
            item.setOnAction(e -> model.fontSize.set(px));
            fontSizeMenu.getItems().add(item);
        }
        Runnable check = () -> group.getToggles().forEach(t -> t.setSelected(
                ((Double) t.getUserData()) == model.fontSize.get()));
        model.fontSize.addListener(obs -> check.run());
        check.run();
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

    @FXML
    private void onShortcuts() {
        shortcuts.run();
    }
}
