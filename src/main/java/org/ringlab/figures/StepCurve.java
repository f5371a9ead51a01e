package org.ringlab.figures;

/**
 * How per-step curves are drawn: smoothed with the window's debiased EMA ({@link Ema}) at the given
 * weight, or raw.
 *
 * @param smoothing the EMA weight in [0, 1); 0 is raw
 */
public record StepCurve(double smoothing) {
    /** The window's default smoothing (its slider starts at 0.6). */
    public static final StepCurve SCREEN = new StepCurve(0.6);
    public static final StepCurve RAW = new StepCurve(0);
    /** At most this many points per curve: more than a printed column can show, far fewer than a long run has. */
    static final int MAX_POINTS = 1200;

    public StepCurve {
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("smoothing " + smoothing + " must be in [0, 1)");
        }
    }
}
