package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TequilaGroupsTest {
    private static final float[] W = {
        0.4f, -0.1f, 0.05f, -0.3f, 0.2f, -0.02f,
        -0.5f, 0.25f, 0.1f, 0f, -0.06f, 0.06f};

    @Test
    void groupsEndShortAndNeverCrossRows() {
        assertEquals(2, TequilaGroups.groupsPerRow(6, 4));
        assertEquals(1, TequilaGroups.groupsPerRow(45, 128));
        assertEquals(4, TequilaGroups.groupsPerRow(512, 128));
        assertArrayEquals(new float[] {0.2125f, 0.11f, 0.2125f, 0.06f}, TequilaGroups.scales(W, 2, 4), 1e-7f);
        // One group per row when the row is shorter than the group.
        assertArrayEquals(new float[] {1.07f / 6, 0.97f / 6}, TequilaGroups.scales(W, 2, 128), 1e-7f);
    }

    @Test
    void latentCodesValuesAndBias() {
        float[] u = TequilaGroups.latent(W, 2, 4);
        assertEquals(0.4f / 0.2125f, u[0], 1e-6f);
        assertEquals(-0.02f / 0.11f, u[5], 1e-6f);
        assertArrayEquals(new float[] {-1f, -0.5f, 0.5f, 1f}, TequilaGroups.referenceLines(), 0f);
        int[] t = TequilaGroups.codes(W, 2, 4);
        assertArrayEquals(new int[] {1, 0, 0, -1, 1, 0, -1, 1, 0, 0, -1, 1}, t);
        assertArrayEquals(new float[] {0.2125f, 0f, 0f, -0.2125f, 0.11f, 0f, -0.2125f, 0.2125f, 0f, 0f, -0.06f, 0.06f},
                TequilaGroups.dequantize(W, 2, 4), 1e-7f);
        assertArrayEquals(new float[] {-0.035f, 0.05f}, TequilaGroups.dynamicBias(W, 2, 4, 0.5f), 1e-7f);
    }

    @Test
    void levelsEntropyAndSideInformation() {
        int[] t = TequilaGroups.codes(W, 2, 4);
        long[] counts = TequilaGroups.codeCounts(t);
        assertArrayEquals(new long[] {3, 5, 4}, counts);
        assertEquals(5 / 12.0, TequilaGroups.deadZoneShare(t), 1e-12);
        double h = 0;
        for (long c : counts) {
            h -= c / 12.0 * Math.log(c / 12.0) / Math.log(2);
        }
        assertEquals(h, BitAccounting.entropyBits(counts), 1e-12);
        float[] codes = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            codes[i] = t[i];
        }
        assertEquals(3, LevelSet.of(codes).count());
        assertEquals(2, LevelSet.of(codes).fixedLengthBits());
        // LeNet fc1 (120 × 400): 4 groups per row (3 of 128, one of 16) + 1 bias per row.
        assertEquals(120 * 4 + 120, TequilaGroups.sideInfoFloats(120, 400, 128));
        assertEquals(2 * 2 + 2, TequilaGroups.sideInfoFloats(2, 6, 4));
    }

    @Test
    void allZeroGroupCodesZero() {
        assertArrayEquals(new int[] {0, 0, 1, -1}, TequilaGroups.codes(new float[] {0f, 0f, 0.5f, -0.5f}, 1, 2));
    }

    @Test
    void badInputIsNamed() {
        assertEquals("a Tequila weight of 12 values cannot be split into 5 equal output rows",
                assertThrows(IllegalArgumentException.class, () -> TequilaGroups.codes(W, 5, 4)).getMessage());
        assertEquals("the Tequila group size must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> TequilaGroups.codes(W, 2, 0)).getMessage());
    }
}
