package org.ringlab.ui.pacing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the frame pump keeps to its drawing budget, on a hand-driven CPU clock. */
class FrameGateTest {
    private static final long MS = 1_000_000L;

    private long cpu;
    private final FrameGate gate = new FrameGate(new DrawingBudget(0.05, 2_000 * MS, () -> cpu));

    /** Draws a frame that costs 40 ms of CPU at {@code now} if the gate lets it. */
    private boolean frame(long now, boolean training, boolean demo, boolean statusChanged) {
        boolean drawn = gate.mayDraw(now, training, demo, statusChanged);
        if (drawn) {
            cpu += 40 * MS;
        }
        return drawn;
    }

    @Test
    void withNoRunTrainingEveryTickDraws() {
        for (long now = 0; now < 1_000 * MS; now += 100 * MS) {
            assertTrue(frame(now, false, false, false));
        }
        assertFalse(gate.budgeted());
    }

    @Test
    void whileTrainingExpensiveFramesWait() {
        assertTrue(frame(0, true, false, false));
        assertTrue(gate.budgeted(), "snapshots jump instead of easing");
        assertFalse(frame(100 * MS, true, false, false));
        assertFalse(frame(700 * MS, true, false, false));
        assertTrue(frame(800 * MS, true, false, false), "40 ms at 5 % of a core: 800 ms later");
    }

    @Test
    void aStatusChangeIsDrawnAtOnce() {
        assertTrue(frame(0, true, false, false));
        assertFalse(frame(100 * MS, true, false, false));
        assertTrue(frame(200 * MS, true, false, true));
    }

    @Test
    void demoModeIsNeverHeldBack() {
        assertTrue(frame(0, true, true, false));
        assertTrue(frame(100 * MS, true, true, false));
        assertFalse(gate.budgeted(), "snapshots ease in demo mode");
    }

    @Test
    void theFirstFrameOfATrainingRunIsDrawnWhateverCameBefore() {
        for (long now = 0; now < 500 * MS; now += 100 * MS) {
            frame(now, false, false, false);
        }
        assertTrue(frame(500 * MS, true, false, false));
    }

    @Test
    void withoutABudgetNothingIsHeldBack() {
        FrameGate ungated = new FrameGate(null);
        assertTrue(ungated.mayDraw(0, true, false, false));
        assertTrue(ungated.mayDraw(1, true, false, false));
        assertFalse(ungated.budgeted());
    }
}
