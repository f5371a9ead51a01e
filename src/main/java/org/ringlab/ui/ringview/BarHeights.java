package org.ringlab.ui.ringview;

/**
 * The bar heights on screen and where they are heading, advanced frame by frame.
 *
 * <p>A new target starts from the heights last shown, not from the previous target, so a snapshot
 * that arrives mid-animation bends the motion instead of making the bars jump.
 */
final class BarHeights {
    static final long DURATION_NANOS = 250_000_000L;

    private double[] from = new double[0];
    private double[] to = new double[0];
    private double[] current = new double[0];
    private long startNanos;
    private boolean started;
    private boolean moving;

    /** Shows {@code target} at once (scrubbing, or a different number of bars). */
    void jump(double[] target) {
        from = target.clone();
        to = target.clone();
        current = target.clone();
        moving = false;
    }

    /** Heads for {@code target} from the current heights; time starts at the next {@link #advance}. */
    void retarget(double[] target) {
        if (target.length != current.length) {
            jump(target);
            return;
        }
        from = current.clone();
        to = target.clone();
        started = false;
        moving = true;
    }

    /** Moves to frame time {@code nowNanos}; returns whether the bars are still moving. */
    boolean advance(long nowNanos) {
        if (!moving) {
            return false;
        }
        if (!started) {
            startNanos = nowNanos;
            started = true;
        }
        double t = Math.min(1.0, (double) (nowNanos - startNanos) / DURATION_NANOS);
        if (t >= 1.0) {
            current = to.clone();
            moving = false;
            return false;
        }
        double eased = 1 - Math.pow(1 - t, 3);
        for (int i = 0; i < current.length; i++) {
            current[i] = from[i] + (to[i] - from[i]) * eased;
        }
        return true;
    }

    boolean moving() {
        return moving;
    }

    double[] current() {
        return current.clone();
    }

    /** Where the bars are heading (where they are, when not moving). */
    double[] target() {
        return to.clone();
    }
}
