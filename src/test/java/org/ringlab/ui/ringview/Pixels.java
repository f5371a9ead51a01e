package org.ringlab.ui.ringview;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.testfx.util.WaitForAsyncUtils;

/** Reading back what a node drew, for the rendering tests. */
final class Pixels {
    /** Per channel: anti-aliased edges are avoided by sampling inside shapes, so this only absorbs rounding. */
    private static final double TOLERANCE = 0.02;

    private final Image image;

    private Pixels(Image image) {
        this.image = image;
    }

    /** Snapshots {@code node} on the FX thread once pending events (layout, paint) have run. */
    static Pixels of(Node node) throws InterruptedException, ExecutionException, TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        return new Pixels(WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(5, TimeUnit.SECONDS));
    }

    Color at(Point2D p) {
        return at(p.getX(), p.getY());
    }

    Color at(double x, double y) {
        return image.getPixelReader().getColor((int) Math.floor(x), (int) Math.floor(y));
    }

    static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) <= TOLERANCE && Math.abs(a.getGreen() - b.getGreen()) <= TOLERANCE
                && Math.abs(a.getBlue() - b.getBlue()) <= TOLERANCE;
    }
}
