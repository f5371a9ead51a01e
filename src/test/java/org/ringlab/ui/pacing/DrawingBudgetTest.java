package org.ringlab.ui.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The budget on a hand-driven CPU clock: frames are spaced by what they cost. */
class DrawingBudgetTest {
    private static final long MS = 1_000_000L;

    private long cpu;
    private final DrawingBudget budget = new DrawingBudget(0.05, 2_000 * MS, () -> cpu);

    /** Ticks every 100 ms from {@code from} to {@code to} (exclusive); each drawn frame costs {@code cost}. */
    private int drawnBetween(long from, long to, long cost) {
        int drawn = 0;
        for (long now = from; now < to; now += 100 * MS) {
            if (budget.tryDraw(now)) {
                drawn++;
                cpu += cost;
            }
        }
        return drawn;
    }

    @Test
    void theFirstFrameIsAlwaysDrawn() {
        cpu = 123_456 * MS;
        assertTrue(budget.tryDraw(0));
    }

    @Test
    void cheapFramesComeAtEveryTick() {
        // 2 ms a frame at 10 Hz is 2 % of a core, under the 5 %
        assertEquals(50, drawnBetween(0, 5_000 * MS, 2 * MS));
    }

    @Test
    void expensiveFramesAreSpacedSoThatDrawingKeepsToItsShare() {
        // 40 ms a frame: at most one every 800 ms (40 / 0.05), so 7 in 5 s (0, 800, ... 4800)
        int drawn = drawnBetween(0, 5_000 * MS, 40 * MS);
        assertEquals(7, drawn);
        assertTrue(drawn * 40.0 / 5_000 <= 0.05 + 40.0 / 5_000, "share " + drawn * 40.0 / 5_000);
    }

    @Test
    void aFrameThatCostsMoreThanTheLongestWaitAllowsStillComesEveryLongestWait() {
        // 500 ms of drawing a frame would mean a frame every 10 s; the longest wait is 2 s
        assertEquals(3, drawnBetween(0, 5_000 * MS, 500 * MS));
    }

    @Test
    void resetLetsTheNextFrameDrawAtOnce() {
        assertTrue(budget.tryDraw(0));
        cpu += 100 * MS;
        assertFalse(budget.tryDraw(100 * MS));
        budget.reset();
        assertTrue(budget.tryDraw(200 * MS));
    }

    @Test
    void aClockThatGoesBackIsNotAFreeFrameForever() {
        assertTrue(budget.tryDraw(0));
        cpu -= 50 * MS;
        // spent is taken as 0, not negative: the frame is allowed, and the clock's new value is the reference
        assertTrue(budget.tryDraw(100 * MS));
        cpu += 40 * MS;
        assertFalse(budget.tryDraw(200 * MS));
    }

    @Test
    void refusesNonsenseShares() {
        assertThrows(IllegalArgumentException.class, () -> new DrawingBudget(0, MS, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new DrawingBudget(1.5, MS, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new DrawingBudget(Double.NaN, MS, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new DrawingBudget(0.1, 0, () -> 0));
    }
}
