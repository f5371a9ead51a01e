package org.ringlab.ui.talk;

import java.util.List;

/**
 * The window's font size in pixels. Outside demo mode it is the user's choice; in demo mode it is
 * at least {@value #DEMO_PX_AT_1080} px on a window 1080 px high and grows with the window's height,
 * so a projector's back row reads the ticks whatever its resolution.
 */
public final class FontSizes {
    /** The size the window opens with (the stylesheet's own). */
    public static final double DEFAULT_PX = 12;
    /** The smallest size demo mode uses on a 1080-line window. */
    public static final double DEMO_PX_AT_1080 = 24;
    /** The sizes the View menu offers. */
    public static final List<Double> CHOICES = List.of(10.0, 11.0, 12.0, 13.0, 14.0, 16.0, 18.0, 20.0, 24.0, 28.0);

    private FontSizes() {
    }

    /**
     * @param preferred the user's size in px
     * @param demo whether demo mode is on
     * @param windowHeight the window's height in px (the scene's)
     */
    public static double effective(double preferred, boolean demo, double windowHeight) {
        if (!demo || !(windowHeight > 0)) {
            return preferred;
        }
        return Math.max(preferred, Math.round(DEMO_PX_AT_1080 * windowHeight / 1080.0 * 2) / 2.0);
    }

    /** The next larger choice (the largest stays). */
    public static double larger(double size) {
        return CHOICES.stream().filter(c -> c > size).findFirst().orElse(CHOICES.get(CHOICES.size() - 1));
    }

    /** The next smaller choice (the smallest stays). */
    public static double smaller(double size) {
        double out = CHOICES.get(0);
        for (double c : CHOICES) {
            if (c < size) {
                out = c;
            }
        }
        return out;
    }
}
