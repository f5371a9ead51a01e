package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

class ValueColorsTest {
    private static final Ring TRIANGLE_8 = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);

    @Test
    void mirroredSlotsGetTheSameColourThoughTheirValuesDifferInTheLastBit() {
        ValueColors colors = ValueColors.of(TRIANGLE_8.values(), Palette.PAPER.neutral());
        assertNotEquals(TRIANGLE_8.value(2), TRIANGLE_8.value(5), "the ring's values no longer differ in the last bit");
        assertEquals(colors.colorOf(TRIANGLE_8.value(2)), colors.colorOf(TRIANGLE_8.value(5)));
        assertEquals(colors.colorOf(TRIANGLE_8.value(3)), colors.colorOf(TRIANGLE_8.value(4)));
        assertEquals(colors.colorOf(TRIANGLE_8.value(0)), colors.colorOf(TRIANGLE_8.value(7)));
    }

    @Test
    void theReferenceTriangle8RingHasFourColours() {
        ValueColors colors = ValueColors.of(TRIANGLE_8.values(), Palette.PAPER.neutral());
        Set<Color> distinct = new HashSet<>();
        for (int k = 0; k < TRIANGLE_8.size(); k++) {
            distinct.add(colors.colorOf(TRIANGLE_8.value(k)));
        }
        assertEquals(4, distinct.size(), distinct.toString());
        assertEquals(4, colors.levels().length);
    }

    @Test
    void negativeIsBluePositiveIsRedZeroIsNeutral() {
        Color neutral = Palette.DARK.neutral();
        ValueColors colors = ValueColors.of(new float[] {-2f, 0f, 0.5f, 2f}, neutral);
        Color negative = colors.colorOf(-2);
        Color positive = colors.colorOf(0.5);
        assertTrue(negative.getBlue() > negative.getRed(), "negative: " + negative);
        assertTrue(positive.getRed() > positive.getBlue(), "positive: " + positive);
        assertEquals(neutral, colors.colorOf(0));
    }

    @Test
    void strengthFollowsMagnitudeUpToTheLargestValue() {
        ValueColors colors = ValueColors.of(new float[] {-1f, -0.25f, 0.25f, 1f}, Palette.PAPER.neutral());
        assertEquals(ValueColors.NEGATIVE, colors.colorOf(-1));
        assertEquals(ValueColors.POSITIVE, colors.colorOf(1));
        Color weak = colors.colorOf(0.25);
        Color between = colors.colorOf(0.6);
        assertTrue(weak.getRed() - weak.getBlue() < between.getRed() - between.getBlue(),
                "0.25 → " + weak + " is not weaker than 0.6 → " + between);
    }
}
