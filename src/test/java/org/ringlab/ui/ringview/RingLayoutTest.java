package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

class RingLayoutTest {

    @Test
    void angleZeroIsAtTheTopAndAnglesRunClockwise() {
        RingLayout layout = RingLayout.fit(400, 300, 0, 0);
        RingGeometry eight = new RingGeometry(8, 1);
        double r = layout.ringRadius();
        Point2D top = layout.point(r, eight.slotAngle(0));
        Point2D right = layout.point(r, eight.slotAngle(2));
        Point2D bottom = layout.point(r, eight.slotAngle(4));
        Point2D left = layout.point(r, eight.slotAngle(6));
        // screen y grows downwards
        assertEquals(200, top.getX(), 1e-9);
        assertEquals(150 - r, top.getY(), 1e-9);
        assertEquals(200 + r, right.getX(), 1e-9);
        assertEquals(150, right.getY(), 1e-9);
        assertEquals(150 + r, bottom.getY(), 1e-9);
        assertEquals(200 - r, left.getX(), 1e-9);
    }

    @Test
    void ringAndBarsStayInTheBandBetweenTheTexts() {
        RingLayout layout = RingLayout.fit(900, 400, 60, 40);
        assertEquals(60 + 150, layout.centreY(), 1e-9);
        assertTrue(layout.centreY() - layout.barOuterRadius() > 60, "bars reach into the readout");
        assertTrue(layout.centreY() + layout.barOuterRadius() < 360, "bars reach into the legend");
        assertTrue(layout.barBase() - layout.dotRadius() > layout.ringRadius(), "bars start under the slot dots");
    }

    @Test
    void aNarrowViewScalesTheRingToItsWidth() {
        RingLayout narrow = RingLayout.fit(200, 800, 60, 40);
        assertTrue(narrow.barOuterRadius() < 100, "bars leave the view: " + narrow.barOuterRadius());
        assertEquals(2 * narrow.barOuterRadius(), RingLayout.fit(400, 800, 60, 40).barOuterRadius(), 1e-9);
    }

    @Test
    void slotDotsOfALargeRingDoNotOverlap() {
        RingLayout layout = RingLayout.fit(400, 400, 0, 0);
        double spacing = 2 * Math.PI * layout.ringRadius() / 64;
        assertTrue(2 * layout.dotRadius(64) < spacing, "dots of 64 slots overlap");
        assertEquals(layout.dotRadius(), layout.dotRadius(8), 0.0, "dots of 8 slots shrank needlessly");
    }
}
