package org.ringlab.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Keeps a toolbar label from pushing the toolbar's buttons into its overflow menu: a long status
 * or device line is cut with an ellipsis at a fixed width and shown whole in its tooltip. (A
 * toolbar lays out by preferred widths, so a maximum width alone does not stop the overflow.)
 */
public final class CappedLabel {
    private static final double SLACK = 6; // the label's own padding and rounding

    private CappedLabel() {
    }

    public static void cap(Label label, double maxWidth) {
        Tooltip tip = new Tooltip();
        label.setMinWidth(0);
        Runnable fit = () -> {
            String text = label.getText() == null ? "" : label.getText();
            Text measure = new Text(text);
            measure.setFont(label.getFont());
            double natural = measure.getLayoutBounds().getWidth() + label.getInsets().getLeft()
                    + label.getInsets().getRight() + SLACK;
            label.setPrefWidth(Math.min(natural, maxWidth));
            tip.setText(text);
            label.setTooltip(text.isEmpty() || natural <= maxWidth ? null : tip);
        };
        label.textProperty().addListener((obs, old, now) -> fit.run());
        label.fontProperty().addListener((obs, old, now) -> fit.run());
        fit.run();
    }
}
