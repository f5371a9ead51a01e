package org.ringlab.ui.runcontrol;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import org.ringlab.ui.talk.FontSizes;

/**
 * Keeps every toolbar item out of the toolbar's overflow menu, whatever the window's width and
 * font size: the toolbar lays out by preferred widths, so the elastic labels (progress and status)
 * get as preferred width what the fixed items leave, up to their own cap, and are cut with an
 * ellipsis (whole in their tooltip). Demo mode's larger font widens the buttons; the labels give way.
 */
final class ToolbarFit {
    /** Room for rounding, and for text measured a little narrower than a platform's fonts draw it. */
    private static final double SLACK = 24;
    private static final double MIN_LABEL = 40;

    private final ToolBar toolbar;
    private final List<Label> labels;
    private final double[] caps;
    private boolean queued;
    private boolean reorganizing;
    private String reorganizedFor = "";

    /**
     * @param labels the elastic labels, the first served first
     * @param caps each label's widest, in px at the default font size
     */
    ToolbarFit(ToolBar toolbar, List<Label> labels, double... caps) {
        this.toolbar = toolbar;
        this.labels = labels;
        this.caps = caps.clone();
        for (Label label : labels) {
            label.setMinWidth(0);
            label.textProperty().addListener(o -> fit());
            label.fontProperty().addListener(o -> later());
        }
        toolbar.widthProperty().addListener(o -> fit());
        for (Node item : toolbar.getItems()) {
            if (!labels.contains(item)) {
                // a button's text or font, the worker's device line: refigured after their layout
                item.layoutBoundsProperty().addListener(o -> later());
            }
        }
        fit();
    }

    private void later() {
        if (!queued) {
            queued = true;
            Platform.runLater(() -> {
                queued = false;
                fit();
            });
        }
    }

    private void fit() {
        double fixed = 0;
        int items = 0;
        for (Node item : toolbar.getItems()) {
            if (!item.isManaged()) {
                continue;
            }
            items++;
            if (!labels.contains(item)) {
                fixed += item.prefWidth(-1);
            }
        }
        // the skin adds its spacing after every item when it decides what overflows
        double spacing = toolbar.lookup(".container") instanceof javafx.scene.layout.HBox box ? box.getSpacing() : 6;
        double free = toolbar.getWidth() - toolbar.snappedLeftInset() - toolbar.snappedRightInset()
                - spacing * items - fixed - SLACK;
        if (toolbar.getWidth() <= 0) {
            free = Double.MAX_VALUE;
        }
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            double natural = natural(label);
            // caps are for the default 12 px and grow with the text
            double cap = caps[i] * label.getFont().getSize() / FontSizes.DEFAULT_PX;
            // the labels after this one keep at least their minimum
            double share = free - MIN_LABEL * (labels.size() - 1 - i);
            double width = Math.min(natural, Math.min(cap, Math.max(MIN_LABEL, share)));
            label.setPrefWidth(width);
            free -= width;
            String text = label.getText() == null ? "" : label.getText();
            if (width < natural && !text.isEmpty()) {
                if (label.getTooltip() == null) {
                    label.setTooltip(new Tooltip());
                }
                label.getTooltip().setText(text);
            } else {
                label.setTooltip(null);
            }
        }
        Node overflow = toolbar.lookup(".tool-bar-overflow-button");
        String state = toolbar.getWidth() + "/" + labels.get(0).getFont().getSize();
        if (toolbar.getWidth() > 0 && free >= 0 && overflow != null && overflow.isVisible() && !reorganizing
                && !state.equals(reorganizedFor)) {
            // everything fits now, but the skin only reconsiders its overflow menu when the toolbar's
            // width or items change: a font that shrank back (leaving demo mode) or labels that gave way
            // would leave items in the menu for good. The same items again make it lay them out afresh.
            reorganizing = true;
            // once per width and font: should the platform's text still not fit, no endless relayout
            reorganizedFor = state;
            Platform.runLater(() -> {
                toolbar.getItems().setAll(List.copyOf(toolbar.getItems()));
                reorganizing = false;
            });
        }
    }

    private static double natural(Label label) {
        Text measure = new Text(label.getText() == null ? "" : label.getText());
        measure.setFont(label.getFont());
        return measure.getLayoutBounds().getWidth() + label.getInsets().getLeft() + label.getInsets().getRight() + 6;
    }
}
