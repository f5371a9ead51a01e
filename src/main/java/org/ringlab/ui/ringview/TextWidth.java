package org.ringlab.ui.ringview;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a string renders, for laying out labels that must not overlap. */
final class TextWidth {
    private TextWidth() {
    }

    static double of(String s, Font font) {
        Text text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }
}
