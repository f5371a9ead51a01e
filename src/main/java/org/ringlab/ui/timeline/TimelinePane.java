package org.ringlab.ui.timeline;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;

/**
 * The timeline bar (fxml/timeline.fxml): Play, the replay speed, and a slider over the current run's
 * snapshots with the epoch ends marked under it. The shell's timeline presenter drives these nodes;
 * Play is handed to it.
 */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class TimelinePane {
    private final Runnable play;

    @FXML private Button playButton;
    @FXML private ComboBox<ReplaySpeed> speedBox;
    @FXML private VBox sliderBox;
    @FXML private Slider timeline;
    @FXML private Label timelineLabel;
    private EpochMarkers markers;

    /** @param play plays or pauses the snapshots (the presenter's) */
    public TimelinePane(Runnable play) {
        this.play = play;
    }

    @FXML
    private void initialize() {
        speedBox.getItems().setAll(ReplaySpeed.CHOICES);
        speedBox.setValue(ReplaySpeed.NORMAL);
        markers = new EpochMarkers(timeline);
        sliderBox.getChildren().add(markers);
    }

    public Button playButton() {
        return playButton;
    }

    public ComboBox<ReplaySpeed> speedBox() {
        return speedBox;
    }

    public Slider slider() {
        return timeline;
    }

    public EpochMarkers markers() {
        return markers;
    }

    public Label label() {
        return timelineLabel;
    }

    @FXML
    private void onPlay() {
        play.run();
    }
}
