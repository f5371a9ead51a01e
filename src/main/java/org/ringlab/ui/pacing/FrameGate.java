package org.ringlab.ui.pacing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the frame pump draws at a tick: always, except while a run trains outside demo mode,
 * when frames keep to a {@link DrawingBudget}. A status change (a run started, stopped, ended) is
 * drawn at once and starts the budget afresh, so a click on Stop never looks ignored.
 */
public final class FrameGate {
    private final DrawingBudget budget;
    private boolean budgeted;
    // written on the JavaFX thread, read by whoever reports them (AutoRun)
    private final AtomicLong budgetedTicks = new AtomicLong();
    private final AtomicLong budgetedFrames = new AtomicLong();

    /** @param budget the budget while training, or null where CPU time cannot be measured (never gated) */
    public FrameGate(DrawingBudget budget) {
        this.budget = budget;
    }

    /**
     * @param training whether a run is training
     * @param demo whether the window is in demo mode, where the picture matters more than speed
     * @param statusChanged whether a run's status changed since the last drawn frame
     */
    public boolean mayDraw(long now, boolean training, boolean demo, boolean statusChanged) {
        boolean wasBudgeted = budgeted;
        budgeted = budget != null && training && !demo;
        if (!budgeted) {
            return true;
        }
        if (!wasBudgeted || statusChanged) {
            budget.reset();
        }
        boolean draw = budget.tryDraw(now);
        budgetedTicks.incrementAndGet();
        if (draw) {
            budgetedFrames.incrementAndGet();
        }
        return draw;
    }

    /** Ticks that fell while the budget applied. */
    public long budgetedTicks() {
        return budgetedTicks.get();
    }

    /** Of those, the ticks that drew a frame. */
    public long budgetedFrames() {
        return budgetedFrames.get();
    }

    /** CPU time spent drawing so far, in nanoseconds, or -1 where it is not measured. */
    public long drawingCpuNanos() {
        return budget == null ? -1 : budget.drawingCpuNanos();
    }

    /** The budget's share of a core, or 1 where there is none. */
    public double share() {
        return budget == null ? 1 : budget.share();
    }

    /** Whether the last frame kept to the budget: snapshots then jump instead of easing. */
    public boolean budgeted() {
        return budgeted;
    }
}
