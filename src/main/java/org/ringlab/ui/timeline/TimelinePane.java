package org.ringlab.ui.timeline;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;

/**
 * The timeline bar (fxml/timeline.fxml): Play and a slider over the current run's snapshots. The
 * shell's timeline presenter drives these nodes; Play is handed to it.
 */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class TimelinePane {
    private final Runnable play;

    @FXML private Button playButton;
    @FXML private Slider timeline;
    @FXML private Label timelineLabel;

    /** @param play plays or pauses the snapshots (the presenter's) */
    public TimelinePane(Runnable play) {
        this.play = play;
    }

    public Button playButton() {
        return playButton;
    }

    public Slider slider() {
        return timeline;
    }

    public Label label() {
        return timelineLabel;
    }

    @FXML
    private void onPlay() {
        play.run();
    }
}
