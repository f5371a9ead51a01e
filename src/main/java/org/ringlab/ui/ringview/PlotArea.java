package org.ringlab.ui.ringview;

/**
 * The rectangle the weight histogram draws its bars in, with room above for a title and below for
 * the level labels, both sized by the font.
 */
public record PlotArea(double left, double top, double right, double bottom) {

    public static PlotArea fit(double width, double height, double fontSize) {
        double margin = LayerSnapshotView.margin(fontSize);
        return new PlotArea(margin, 2.0 * fontSize, width - margin, height - 2.4 * fontSize);
    }

    /** The x of value v on an axis running from {@code min} at the left to {@code max} at the right. */
    public double x(double v, double min, double max) {
        return left + (v - min) / (max - min) * (right - left);
    }

    public double width() {
        return right - left;
    }

    public double height() {
        return bottom - top;
    }
}
