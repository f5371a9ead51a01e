package org.ringlab.ui.latent;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The ring / latent view and the weight histogram of one layer (fxml/latent.fxml), and beside the ring
 * view, while comparing, a second run's ring. What they show is decided by the shell's timeline
 * presenter, which this pane hands its nodes to.
 */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class LatentPane {
    @FXML private ComboBox<String> layerBox;
    @FXML private Button compareRingsButton;
    @FXML private Label ringCaption;
    @FXML private StackPane ringViewPane;
    @FXML private VBox compareColumn;
    @FXML private Label compareCaption;
    @FXML private StackPane compareViewPane;
    @FXML private StackPane weightHistogramPane;
    private Runnable compareRings = () -> { };

    public ComboBox<String> layerBox() {
        return layerBox;
    }

    public Button compareRingsButton() {
        return compareRingsButton;
    }

    /** Where the ring and latent views sit (their context menu hangs here). */
    public StackPane ringViewPane() {
        return ringViewPane;
    }

    /** Places the views: the ring view and the latent histogram share one place (one is shown at a time). */
    public void show(Node ringView, Node latentView, Node weightHistogram) {
        ringViewPane.getChildren().addAll(ringView, latentView);
        latentView.setVisible(false);
        weightHistogramPane.getChildren().add(weightHistogram);
    }

    /** The second run's ring view, shown beside the first while comparing. */
    public void showCompared(Node compareView) {
        compareViewPane.getChildren().setAll(compareView);
    }

    /** What "Compare rings…" does. */
    public void onCompareRings(Runnable action) {
        this.compareRings = action;
    }

    /** Shows or hides the second ring; the captions name the two runs while it shows. */
    public void setComparing(boolean comparing) {
        for (Node n : new Node[] {compareColumn, ringCaption}) {
            n.setVisible(comparing);
            n.setManaged(comparing);
        }
        compareRingsButton.setText(comparing ? "End comparison" : "Compare rings…");
    }

    public boolean isComparing() {
        return compareColumn.isVisible();
    }

    public Label ringCaption() {
        return ringCaption;
    }

    public Label compareCaption() {
        return compareCaption;
    }

    @FXML
    private void onCompareRings() {
        compareRings.run();
    }
}
