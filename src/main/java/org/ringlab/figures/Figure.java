package org.ringlab.figures;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * A figure drawn once through Java2D, so that the same code makes the PNG, the SVG and the PDF.
 * Coordinates are in points (1/72 in): a writer scales the graphics for its resolution.
 */
@FunctionalInterface
public interface Figure {
    void draw(Graphics2D g2, Rectangle2D area);
}
