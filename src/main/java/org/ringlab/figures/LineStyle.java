package org.ringlab.figures;

import java.awt.BasicStroke;
import java.awt.Stroke;

/**
 * Dash patterns that stay distinguishable in greyscale print, where colour alone fails. Lengths are
 * in points, scaled with the line width so that thick and thin lines keep the same rhythm.
 */
@SuppressWarnings("ImmutableEnumChecker") // the pattern array is private and only read
public enum LineStyle {
    SOLID(null),
    DASHED(new float[] {4f, 2f}),
    DOTTED(new float[] {0.8f, 1.6f}),
    DASH_DOT(new float[] {4f, 1.5f, 0.8f, 1.5f});

    private final float[] pattern;

    LineStyle(float[] pattern) {
        this.pattern = pattern;
    }

    public Stroke stroke(float width) {
        if (pattern == null) {
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        }
        float[] dash = new float[pattern.length];
        for (int i = 0; i < dash.length; i++) {
            dash[i] = pattern[i] * Math.max(1f, width);
        }
        // round caps turn the short dashes into visible dots
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }
}
