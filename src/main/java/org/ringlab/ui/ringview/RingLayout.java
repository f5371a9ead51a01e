package org.ringlab.ui.ringview;

import javafx.geometry.Point2D;

/**
 * Where the ring and its bars go: centred in the band the text leaves free (the readout above, the
 * legend below), scaled to that band's shorter side. Text kept in bands, not corners, never collides
 * with long bars and costs the ring less room.
 */
public record RingLayout(double centreX, double centreY, double ringRadius, double barBase, double barMaxLength,
        double dotRadius) {

    /** The tallest bar ends this far out, as a share of the free band's shorter side. */
    private static final double OUTER_SHARE = 0.47;

    public static RingLayout fit(double width, double height, double topBand, double bottomBand) {
        double free = Math.max(0, height - topBand - bottomBand);
        double outer = OUTER_SHARE * Math.min(width, free);
        double ring = 0.58 * outer;
        double base = ring + 0.06 * outer;
        return new RingLayout(width / 2, topBand + free / 2, ring, base, outer - base, Math.max(2.0, 0.04 * outer));
    }

    /** The point at {@code radius} from the centre in the direction {@code angle} (0 up, clockwise). */
    public Point2D point(double radius, double angle) {
        return new Point2D(centreX + radius * Math.sin(angle), centreY - radius * Math.cos(angle));
    }

    /** The slot-dot radius for a ring of {@code slots}: dots shrink rather than overlap on a large ring. */
    public double dotRadius(int slots) {
        return Math.min(dotRadius, 0.35 * 2 * Math.PI * ringRadius / slots);
    }

    public double barOuterRadius() {
        return barBase + barMaxLength;
    }
}
