package org.ringlab.figures;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** The shape an epoch point is drawn with: one per test metric, so that greyscale print tells them apart. */
public enum Marker {
    NONE, CIRCLE, SQUARE, TRIANGLE;

    /** The shape centred on (0, 0), {@code size} points across; null for NONE. */
    public Shape shape(double size) {
        double h = size / 2;
        return switch (this) {
            case NONE -> null;
            case CIRCLE -> new Ellipse2D.Double(-h, -h, size, size);
            case SQUARE -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9);
            case TRIANGLE -> {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(0, -h * 1.1);
                p.lineTo(h * 1.1, h * 0.8);
                p.lineTo(-h * 1.1, h * 0.8);
                p.closePath();
                yield p;
            }
        };
    }
}
