package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BarHeightsTest {
    private static final long MS = 1_000_000L;
    /** An arbitrary frame clock origin: AnimationTimer times are not zero-based. */
    private static final long T0 = 5_000 * MS;

    @Test
    void reachesTheTargetWhenTheDurationHasPassed() {
        BarHeights bars = new BarHeights();
        bars.jump(new double[] {0, 1});
        bars.retarget(new double[] {1, 0});
        assertTrue(bars.advance(T0));
        assertArrayEquals(new double[] {0, 1}, bars.current(), 0.0, "moved before time passed");
        assertTrue(bars.advance(T0 + 100 * MS));
        double[] midway = bars.current();
        assertTrue(midway[0] > 0 && midway[0] < 1, "not between: " + midway[0]);
        assertFalse(bars.advance(T0 + BarHeights.DURATION_NANOS / MS * MS));
        assertArrayEquals(new double[] {1, 0}, bars.current(), 0.0);
        assertFalse(bars.moving());
    }

    @Test
    void aNewTargetMidwayStartsFromTheHeightsOnScreen() {
        BarHeights bars = new BarHeights();
        bars.jump(new double[] {0});
        bars.retarget(new double[] {1});
        bars.advance(T0);
        bars.advance(T0 + 125 * MS);
        double shown = bars.current()[0];
        assertEquals(1 - Math.pow(0.5, 3), shown, 1e-9, "ease-out at half time");

        bars.retarget(new double[] {0});
        bars.advance(T0 + 200 * MS);
        assertEquals(shown, bars.current()[0], 1e-12, "jumped on retarget");
        bars.advance(T0 + 300 * MS);
        assertTrue(bars.current()[0] < shown && bars.current()[0] > 0, "not heading down: " + bars.current()[0]);
        bars.advance(T0 + 450 * MS);
        assertEquals(0.0, bars.current()[0]);
    }

    @Test
    void aTargetWithAnotherNumberOfBarsIsShownAtOnce() {
        BarHeights bars = new BarHeights();
        bars.jump(new double[] {0.5});
        bars.retarget(new double[] {0.2, 0.4});
        assertFalse(bars.moving());
        assertArrayEquals(new double[] {0.2, 0.4}, bars.current(), 0.0);
    }
}
