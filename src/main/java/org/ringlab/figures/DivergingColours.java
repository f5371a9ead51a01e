package org.ringlab.figures;

import java.awt.Color;

/**
 * Blue for the most negative ring value, grey for zero, red for the most positive, symmetric about
 * zero so that r and −r get equally strong colours and equal values always the same colour.
 */
final class DivergingColours {
    private static final Color NEGATIVE = new Color(0x2166AC);
    private static final Color ZERO = new Color(0xBBBBBB);
    private static final Color POSITIVE = new Color(0xB2182B);

    private final double scale;

    DivergingColours(float[] values) {
        double largest = 0;
        for (float v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        this.scale = largest > 0 ? largest : 1;
    }

    Color of(double value) {
        double t = Math.max(-1, Math.min(1, value / scale));
        return t < 0 ? blend(ZERO, NEGATIVE, -t) : blend(ZERO, POSITIVE, t);
    }

    private static Color blend(Color from, Color to, double t) {
        return new Color((int) Math.round(from.getRed() + t * (to.getRed() - from.getRed())),
                (int) Math.round(from.getGreen() + t * (to.getGreen() - from.getGreen())),
                (int) Math.round(from.getBlue() + t * (to.getBlue() - from.getBlue())));
    }
}
