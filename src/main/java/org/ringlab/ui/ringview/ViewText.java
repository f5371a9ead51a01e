package org.ringlab.ui.ringview;

/**
 * The size of the text a canvas view paints. It grows with the view, so the picture reads the same
 * at demo size as in a panel, and with the window's font setting, so a larger font for a talk
 * enlarges the ring's readout and legend as it does every label and tick.
 */
final class ViewText {
    /** The window font size at which a view's text is its own size-based size. */
    static final double BASE_WINDOW_PX = 12;
    private static final double SMALLEST = 9;

    private ViewText() {
    }

    /**
     * @param width the view's width in px
     * @param height the view's height in px
     * @param windowPx the window's font size in px
     */
    static double px(double width, double height, double windowPx) {
        double scale = windowPx > 0 ? windowPx / BASE_WINDOW_PX : 1;
        return Math.max(SMALLEST * scale, Math.min(width, height) / 32 * scale);
    }
}
