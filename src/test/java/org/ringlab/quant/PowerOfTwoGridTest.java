package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PowerOfTwoGridTest {
    private static final float[] W = {0.9f, -0.3f, 0.06f, -0.02f, 0.5f, 0f};

    @Test
    void scaleIsAPowerOfTwoNearTheMax() {
        assertEquals(0, PowerOfTwoGrid.scaleExponent(W));
        assertEquals(1f, PowerOfTwoGrid.scale(W), 0f);
        assertEquals(-2, PowerOfTwoGrid.scaleExponent(new float[] {0.2f, -0.3f}));   // log2 0.3 = −1.74
        assertEquals(0.25f, PowerOfTwoGrid.scale(new float[] {0.2f, -0.3f}), 0f);
    }

    @Test
    void latentAndExponentGrid() {
        float[] e = PowerOfTwoGrid.latent(W);
        assertEquals(Math.log(0.9) / Math.log(2), e[0], 1e-6);
        assertEquals(-1f, e[4], 1e-6f);
        assertEquals(Float.NEGATIVE_INFINITY, e[5], 0f);
        assertArrayEquals(new int[] {-3, -2, -1, 0}, PowerOfTwoGrid.exponentGrid(3));
        assertArrayEquals(new int[] {0}, PowerOfTwoGrid.exponentGrid(1));
        assertEquals(-7, PowerOfTwoGrid.minExponent(4));
    }

    @Test
    void codesLevelsAndEntropy() {
        int[] q = PowerOfTwoGrid.codes(W, 3);
        // sign·4 + (−e): +2^0, −2^−2, +2^−3, −2^−3, +2^−1, +2^−3 (zero has no code of its own).
        assertArrayEquals(new int[] {0, 6, 3, 7, 1, 3}, q);
        float[] w = PowerOfTwoGrid.dequantize(W, 3);
        assertArrayEquals(new float[] {1f, -0.25f, 0.125f, -0.125f, 0.5f, 0.125f}, w, 0f);
        assertEquals(5, LevelSet.of(w).count());
        assertEquals(8, PowerOfTwoGrid.levelCount(3));
        long[] counts = PowerOfTwoGrid.codeCounts(q, 3);
        assertArrayEquals(new long[] {1, 1, 0, 2, 0, 0, 1, 1}, counts);
        double h = 4 * (1 / 6.0) * Math.log(6) / Math.log(2) + (2 / 6.0) * Math.log(3) / Math.log(2);
        assertEquals(h, BitAccounting.entropyBits(counts), 1e-12);
        assertEquals(1, PowerOfTwoGrid.sideInfoScales());
        assertEquals(8, PowerOfTwoGrid.sideInfoBits());
    }

    @Test
    void oneBitIsTheSignTimesTheScale() {
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 0}, PowerOfTwoGrid.codes(W, 1));
        assertArrayEquals(new float[] {1f, -1f, 1f, -1f, 1f, 1f}, PowerOfTwoGrid.dequantize(W, 1), 0f);
    }

    @Test
    void badInputIsNamed() {
        assertEquals("power-of-two quantization needs 1 to 6 bits, got 7",
                assertThrows(IllegalArgumentException.class, () -> PowerOfTwoGrid.minExponent(7)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PowerOfTwoGrid.codeCounts(new int[] {8}, 3));
    }
}
