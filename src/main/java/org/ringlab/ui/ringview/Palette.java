package org.ringlab.ui.ringview;

import javafx.scene.paint.Color;

/**
 * The colours that are not value colours.
 *
 * @param background what the canvas is cleared to
 * @param text readouts, legends and labels
 * @param guide the ring circle, axes and slot-dot outlines
 * @param neutral the colour of the value 0 in the diverging map: grey on paper, where white would
 *     vanish, near-white on dark
 * @param bars bars that carry no value colour (the weight histogram)
 */
public record Palette(Color background, Color text, Color guide, Color neutral, Color bars) {

    public static final Palette PAPER = new Palette(Color.WHITE, Color.web("#222222"), Color.web("#8a8a8a"),
            Color.web("#9a9a9a"), Color.web("#c5cbd3"));

    public static final Palette DARK = new Palette(Color.web("#1e1f22"), Color.web("#e6e6e6"), Color.web("#7a7d85"),
            Color.web("#eeeeee"), Color.web("#4a5260"));

    public static Palette of(boolean dark) {
        return dark ? DARK : PAPER;
    }
}
