package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DoReFaGridTest {
    private static final float[] W = {0.5f, -1f, 0.2f, 2f, -0.3f, 0.05f};

    @Test
    void latentIsTheTanhNormalisation() {
        double max = Math.tanh(2);
        float[] x = DoReFaGrid.latent(W);
        for (int i = 0; i < W.length; i++) {
            assertEquals(Math.tanh(W[i]) / (2 * max) + 0.5, x[i], 1e-6);
        }
        assertEquals(1f, x[3], 0f);
        assertArrayEquals(new float[] {0.5f, 0.5f}, DoReFaGrid.latent(new float[] {0f, 0f}), 0f);
    }

    @Test
    void gridAndBoundaries() {
        assertArrayEquals(new float[] {0f, 1f / 3, 2f / 3, 1f}, DoReFaGrid.grid(2), 1e-7f);
        assertArrayEquals(new float[] {1f / 6, 0.5f, 5f / 6}, DoReFaGrid.decisionBoundaries(2), 1e-7f);
        assertArrayEquals(new float[] {0f, 1f}, DoReFaGrid.grid(1), 0f);
        assertArrayEquals(new float[] {0.5f}, DoReFaGrid.decisionBoundaries(1), 0f);
        assertEquals(0, DoReFaGrid.sideInfoFloats(2));
        assertEquals(1, DoReFaGrid.sideInfoFloats(1));
    }

    @Test
    void codesLevelsAndEntropyForTwoBits() {
        int[] q = DoReFaGrid.codes(W, 2);
        assertArrayEquals(new int[] {2, 0, 2, 3, 1, 2}, q);
        float[] w = DoReFaGrid.dequantize(W, 2);
        float third = 1f / 3;
        assertArrayEquals(new float[] {third, -1f, third, 1f, -third, third}, w, 1e-6f);
        assertEquals(4, LevelSet.of(w).count());
        long[] counts = DoReFaGrid.codeCounts(q, 2);
        assertArrayEquals(new long[] {1, 1, 3, 1}, counts);
        double h = 3 * (1 / 6.0) * log2(6) + 0.5 * log2(2);
        assertEquals(h, BitAccounting.entropyBits(counts), 1e-12);
    }

    @Test
    void oneBitIsPlusMinusMeanAbs() {
        float[] w = {0.5f, -1f, 0f, 2f};
        float e = 3.5f / 4;
        assertEquals(e, DoReFaGrid.binaryScale(w), 0f);
        assertArrayEquals(new int[] {1, 0, 1, 1}, DoReFaGrid.codes(w, 1));
        assertArrayEquals(new float[] {e, -e, e, e}, DoReFaGrid.dequantize(w, 1), 0f);
        assertEquals(2, LevelSet.of(DoReFaGrid.dequantize(w, 1)).count());
        assertArrayEquals(new long[] {1, 3}, DoReFaGrid.codeCounts(DoReFaGrid.codes(w, 1), 1));
    }

    @Test
    void badInputIsNamed() {
        assertEquals("DoReFa needs 1 to 16 bits, got 0",
                assertThrows(IllegalArgumentException.class, () -> DoReFaGrid.grid(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DoReFaGrid.codeCounts(new int[] {4}, 2));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
