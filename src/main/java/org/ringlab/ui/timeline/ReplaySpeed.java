package org.ringlab.ui.timeline;

import java.util.List;
import java.util.Locale;

/**
 * How fast Play replays a run. Speeds count in epochs, not snapshots, so that two runs replayed side by
 * side stay in step whatever their snapshot spacing: at 1× one epoch takes {@link #SECONDS_PER_EPOCH}
 * seconds (a 3-epoch run replays in 15 s; at 8× in about 2 s, at 0.25× in a minute).
 */
public record ReplaySpeed(double factor) {
    public static final double SECONDS_PER_EPOCH = 5;
    public static final ReplaySpeed NORMAL = new ReplaySpeed(1);
    public static final List<ReplaySpeed> CHOICES = List.of(new ReplaySpeed(0.25), new ReplaySpeed(0.5), NORMAL,
            new ReplaySpeed(2), new ReplaySpeed(4), new ReplaySpeed(8));

    public ReplaySpeed {
        if (!(factor >= 0.25 && factor <= 8)) {
            throw new IllegalArgumentException("replay speed " + factor + "× is outside 0.25×..8×");
        }
    }

    /** Seconds on screen for {@code epochs} of training. */
    public double seconds(double epochs) {
        return epochs * SECONDS_PER_EPOCH / factor;
    }

    /** "0.25×", "1×", "8×". */
    @Override
    public String toString() {
        return (factor == Math.rint(factor) ? Integer.toString((int) factor)
                : String.format(Locale.ROOT, "%s", factor)) + "×";
    }
}
