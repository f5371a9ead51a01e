package org.ringlab.ui.pacing;

import java.util.function.LongSupplier;

/**
 * Decides whether the window may draw a frame now without taking more than a set share of a core
 * for drawing, so that a run training on the same machine keeps the CPU.
 *
 * <p>Why a budget and not a lower frame rate: what a frame costs varies by a factor of ten between
 * a small window with one run and a full-screen one with several runs, dark theme and a ring of 64
 * slots, and between a GPU-accelerated pipeline and software rendering. Measuring the cost and
 * spacing the frames by it keeps the share constant on every machine: after a frame that cost
 * {@code c} nanoseconds of CPU, the next one waits until {@code c / share} nanoseconds have passed
 * since the last one. A frame that costs little (one new point on a small chart) is followed soon;
 * a frame that repainted three charts and the ring waits longer.
 *
 * <p>The cost is read from a clock of CPU time that covers what drawing costs (the JavaFX thread and
 * the renderer's thread: see {@link DrawingCpuClock}), before the frame that is about to be drawn:
 * it includes the previous frame's rendering, which happens after the frame's task has returned.
 * At least one frame is allowed every {@code longestWait} nanoseconds, so a window whose drawing
 * alone exceeds the share still moves, slowly.
 *
 * <p>Not thread-safe: use it from the thread that draws (the JavaFX thread).
 */
public final class DrawingBudget {
    private final double share;
    private final long longestWaitNanos;
    private final LongSupplier cpuNanos;

    private boolean drawnBefore;
    private long lastDrawWall;
    private long lastDrawCpu;

    /**
     * @param share of one core that drawing may take, in (0, 1]
     * @param longestWaitNanos the longest time between two frames whatever they cost
     * @param cpuNanos CPU time spent drawing so far, in nanoseconds, never decreasing
     */
    public DrawingBudget(double share, long longestWaitNanos, LongSupplier cpuNanos) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the drawing share must be in (0, 1] of a core, was " + share);
        }
        if (longestWaitNanos <= 0) {
            throw new IllegalArgumentException("the longest wait must be positive, was " + longestWaitNanos);
        }
        this.share = share;
        this.longestWaitNanos = longestWaitNanos;
        this.cpuNanos = cpuNanos;
    }

    /**
     * Whether a frame may be drawn at wall time {@code now}; if so, the frame is counted as drawn
     * (the caller draws it).
     */
    public boolean tryDraw(long now) {
        long cpu = cpuNanos.getAsLong();
        if (drawnBefore) {
            long elapsed = now - lastDrawWall;
            long spent = Math.max(0, cpu - lastDrawCpu);
            if (elapsed < longestWaitNanos && spent > share * elapsed) {
                return false;
            }
        }
        drawnBefore = true;
        lastDrawWall = now;
        lastDrawCpu = cpu;
        return true;
    }

    /** Forgets the last frame: the next {@link #tryDraw} draws (e.g. when the budget starts to apply). */
    public void reset() {
        drawnBefore = false;
    }

    public double share() {
        return share;
    }

    /** CPU time spent drawing so far, in nanoseconds (any thread may ask). */
    public long drawingCpuNanos() {
        return cpuNanos.getAsLong();
    }
}
