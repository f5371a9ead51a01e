package org.ringlab.ui.ringview;

/**
 * The size of the text a canvas view paints. It grows with the view, so the picture reads the same
 * at demo size as in a panel, and it is never smaller than the window's font, so a larger font for
 * a talk enlarges the ring's readout and legend as it does every label and tick. A short view (the
 * histogram strip) caps it, so that its text leaves room for the bars.
 */
final class ViewText {
    /** The window's font size the views assume until told another. */
    static final double BASE_WINDOW_PX = 12;

    private ViewText() {
    }

    /**
     * @param width the view's width in px
     * @param height the view's height in px
     * @param windowPx the window's font size in px
     */
    static double px(double width, double height, double windowPx) {
        double side = Math.min(width, height);
        double floor = windowPx > 0 ? windowPx : BASE_WINDOW_PX;
        return Math.max(9, Math.min(Math.max(floor, side / 32), side / 6));
    }
}
