package org.ringlab.ui.latent;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;

/**
 * The ring / latent view and the weight histogram of one layer (fxml/latent.fxml). What they show
 * is decided by the shell's timeline presenter, which this pane hands its nodes to.
 */
public final class LatentPane {
    @FXML private ComboBox<String> layerBox;
    @FXML private StackPane ringViewPane;
    @FXML private StackPane weightHistogramPane;

    public ComboBox<String> layerBox() {
        return layerBox;
    }

    /** Places the views: the ring view and the latent histogram share one place (one is shown at a time). */
    public void show(Node ringView, Node latentView, Node weightHistogram) {
        ringViewPane.getChildren().addAll(ringView, latentView);
        latentView.setVisible(false);
        weightHistogramPane.getChildren().add(weightHistogram);
    }
}
