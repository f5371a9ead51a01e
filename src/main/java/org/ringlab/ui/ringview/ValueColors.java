package org.ringlab.ui.ringview;

import javafx.scene.paint.Color;
import org.ringlab.quant.LevelSet;

/**
 * A diverging colour map for ring values: blue for negative, the palette's neutral for 0, red for
 * positive, at full strength at the ring's largest |r|.
 *
 * <p>Values are first snapped to the ring's distinct levels: the reference ring's mirrored slots
 * differ in the last bit, and a continuous map would give them colours that differ too.
 */
public final class ValueColors {
    /** ColorBrewer RdBu ends: they stay apart for the common kinds of colour blindness. */
    public static final Color NEGATIVE = Color.web("#2166ac");
    public static final Color POSITIVE = Color.web("#b2182b");

    private final LevelSet levels;
    private final Color[] levelColors;
    private final double maxAbs;
    private final Color neutral;

    private ValueColors(LevelSet levels, Color neutral) {
        this.levels = levels;
        this.neutral = neutral;
        float[] distinct = levels.levels();
        double max = 0;
        for (float v : distinct) {
            max = Math.max(max, Math.abs(v));
        }
        this.maxAbs = max;
        this.levelColors = new Color[distinct.length];
        for (int i = 0; i < distinct.length; i++) {
            levelColors[i] = ramp(distinct[i]);
        }
    }

    /** The map for a ring's values, with {@code neutral} as the colour of 0. */
    public static ValueColors of(float[] ringValues, Color neutral) {
        return new ValueColors(LevelSet.of(ringValues), neutral);
    }

    /** The ring's distinct values, ascending. */
    public float[] levels() {
        return levels.levels();
    }

    public Color colorOf(double value) {
        int level = levels.indexOf((float) value);
        return level >= 0 ? levelColors[level] : ramp(value);
    }

    private Color ramp(double value) {
        if (maxAbs == 0) {
            return neutral;
        }
        double strength = Math.min(1.0, Math.abs(value) / maxAbs);
        return neutral.interpolate(value < 0 ? NEGATIVE : POSITIVE, strength);
    }
}
