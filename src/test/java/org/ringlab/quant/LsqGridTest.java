package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LsqGridTest {
    private static final float[] V = {0.1f, -0.3f, 0.7f, -1.4f, 0.2f, 0.45f, -0.05f, 0.3f};

    @Test
    void rangesFollowSignedLsq() {
        assertEquals(2, LsqGrid.negativeLevels(2));
        assertEquals(1, LsqGrid.positiveLevels(2));
        assertEquals(4, LsqGrid.negativeLevels(3));
        assertEquals(3, LsqGrid.positiveLevels(3));
        assertArrayEquals(new int[] {-4, -3, -2, -1, 0, 1, 2, 3}, LsqGrid.grid(3));
        assertArrayEquals(new float[] {-4f, 3f}, LsqGrid.clipBounds(3));
        assertArrayEquals(new int[] {-1, 1}, LsqGrid.grid(1));
        assertArrayEquals(new float[] {-1f, 1f}, LsqGrid.clipBounds(1));
        assertEquals(1, LsqGrid.sideInfoFloats());
    }

    @Test
    void codesValuesLevelsAndEntropy() {
        float s = 0.5f;
        assertArrayEquals(new float[] {0.2f, -0.6f, 1.4f, -2.8f, 0.4f, 0.9f, -0.1f, 0.6f}, LsqGrid.latent(V, s), 1e-6f);
        int[] q = LsqGrid.codes(V, s, 2);
        assertArrayEquals(new int[] {0, -1, 1, -2, 0, 1, 0, 1}, q);
        float[] w = LsqGrid.dequantize(V, s, 2);
        assertArrayEquals(new float[] {0f, -0.5f, 0.5f, -1f, 0f, 0.5f, 0f, 0.5f}, w, 0f);
        assertEquals(4, LevelSet.of(w).count());
        long[] counts = LsqGrid.codeCounts(q, 2);
        assertArrayEquals(new long[] {1, 1, 3, 3}, counts);
        double h = -2 * (1 / 8.0) * Math.log(1 / 8.0) / Math.log(2) - 2 * (3 / 8.0) * Math.log(3 / 8.0) / Math.log(2);
        assertEquals(h, BitAccounting.entropyBits(counts), 1e-12);
    }

    @Test
    void oneBitUsesTwoSymmetricLevels() {
        int[] q = LsqGrid.codes(new float[] {0.2f, -0.1f, 0f, 3f, -3f}, 0.5f, 1);
        assertArrayEquals(new int[] {1, -1, 1, 1, -1}, q);
        assertArrayEquals(new long[] {2, 3}, LsqGrid.codeCounts(q, 1));
        assertArrayEquals(new float[] {0.5f, -0.5f, 0.5f, 0.5f, -0.5f},
                LsqGrid.dequantize(new float[] {0.2f, -0.1f, 0f, 3f, -3f}, 0.5f, 1), 0f);
    }

    @Test
    void initialStepIsTwiceMeanAbsOverRootQp() {
        double meanAbs = (0.1 + 0.3 + 0.7 + 1.4 + 0.2 + 0.45 + 0.05 + 0.3) / 8;
        assertEquals(2 * meanAbs / Math.sqrt(3), LsqGrid.initialStep(V, 3), 1e-6);
        assertEquals(2 * meanAbs, LsqGrid.initialStep(V, 1), 1e-6);
    }

    @Test
    void badInputIsNamed() {
        assertEquals("LSQ needs 1 to 16 bits, got 0",
                assertThrows(IllegalArgumentException.class, () -> LsqGrid.grid(0)).getMessage());
        assertEquals("the LSQ step must be a positive finite number, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> LsqGrid.latent(V, 0f)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LsqGrid.codeCounts(new int[] {2}, 2));
    }
}
