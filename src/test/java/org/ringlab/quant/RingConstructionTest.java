package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RingConstructionTest {

    private static int[] bits(Ring ring) {
        int[] out = new int[ring.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Float.floatToRawIntBits(ring.value(k));
        }
        return out;
    }

    @Test
    void referenceTriangleFourIsBitExact() {
        Ring ring = Ring.of(RingType.TRIANGLE, 4, RingMode.REFERENCE);
        assertArrayEquals(new int[] {0xBF800000, 0x3EAAAAAC, 0x3EAAAAA8, 0xBF800000}, bits(ring));
    }

    @Test
    void referenceTriangleEightIsBitExact() {
        Ring ring = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);
        assertArrayEquals(new int[] {0xBF800000, 0xBEDB6DB8, 0x3E124920, 0x3F36DB6E,
            0x3F36DB70, 0x3E124930, 0xBEDB6DB8, 0xBF800000}, bits(ring));
    }

    @Test
    void referenceRingsHaveHalfTheLevelsTheyClaim() {
        assertEquals(1, LevelSet.of(Ring.of(RingType.TRIANGLE, 2, RingMode.REFERENCE).values()).count());
        assertEquals(2, LevelSet.of(Ring.of(RingType.TRIANGLE, 4, RingMode.REFERENCE).values()).count());
        assertEquals(4, LevelSet.of(Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE).values()).count());
        assertEquals(8, LevelSet.of(Ring.of(RingType.TRIANGLE, 16, RingMode.REFERENCE).values()).count());
        assertEquals(1, LevelSet.of(Ring.of(RingType.SIN, 2, RingMode.REFERENCE).values()).count());
        assertEquals(3, LevelSet.of(Ring.of(RingType.SIN, 4, RingMode.REFERENCE).values()).count());
        assertEquals(7, LevelSet.of(Ring.of(RingType.SIN, 8, RingMode.REFERENCE).values()).count());
        assertEquals(15, LevelSet.of(Ring.of(RingType.SIN, 16, RingMode.REFERENCE).values()).count());
    }

    @Test
    void naiveUniqueWouldOvercountTriangleFour() {
        float[] v = Ring.of(RingType.TRIANGLE, 4, RingMode.REFERENCE).values();
        assertEquals(3, java.util.stream.IntStream.range(0, v.length)
                .map(i -> Float.floatToRawIntBits(v[i])).distinct().count());
    }

    @Test
    void uniformRingPlacesSlotsAtTwoPiKOverN() {
        Ring ring = Ring.of(RingType.TRIANGLE, 8, RingMode.UNIFORM);
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 0.5f, 0f, -0.5f}, ring.values(), 1e-7f);
        assertEquals(5, LevelSet.of(ring.values()).count());
        Ring sin = Ring.of(RingType.SIN, 4, RingMode.UNIFORM);
        assertArrayEquals(new float[] {0f, 1f, 0f, -1f}, sin.values(), 1e-6f);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 65, 1000})
    void impossibleSizesAreRejectedWithTheRule(int size) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ring.of(RingType.TRIANGLE, size, RingMode.REFERENCE));
        assertTrue(e.getMessage().contains("ring size " + size), e.getMessage());
        assertTrue(e.getMessage().contains("2..64"), e.getMessage());
    }

    @Test
    void everySizeFromTwoToSixtyFourBuilds() {
        for (int n = 2; n <= 64; n++) {
            for (RingType t : RingType.values()) {
                for (RingMode m : RingMode.values()) {
                    Ring r = Ring.of(t, n, m);
                    assertEquals(n, r.size());
                    assertEquals(Math.max(0.5, n / 32.0), r.sigma());
                }
            }
        }
    }

    @Test
    void sigmaMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Ring.of(RingType.SIN, 8, RingMode.UNIFORM, 0));
        assertThrows(IllegalArgumentException.class, () -> Ring.of(RingType.SIN, 8, RingMode.UNIFORM, Double.NaN));
    }

    @Test
    void specTestVectorsForTriangleFour() {
        RingInterpolation f = new RingInterpolation(Ring.of(RingType.TRIANGLE, 4, RingMode.REFERENCE));
        assertEquals(-0.857676, f.soft(0f), 1e-6);
        assertEquals(2.2716, f.derivative(0f), 1e-4);
        assertEquals(-0.333333, f.soft(0.125f), 1e-6);
        assertEquals(5.5252, f.derivative(0.125f), 1e-4);
        assertEquals(0.191010, f.soft(0.25f), 1e-6);
        assertEquals(0.309352, f.soft(0.375f), 1e-6);
        assertEquals(0.0, f.derivative(0.375f), 1e-5);
        assertEquals(-0.976018, f.soft(0.875f), 1e-6);
    }

    @Test
    void selfWeightAtSlotCentreIsOnlyAboutSeventyNinePercent() {
        // triangle-8 at p = 0 gives −0.939, not −1 (docs/methods/ring.md#soft-weights)
        RingInterpolation f = new RingInterpolation(Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE));
        assertEquals(-0.939, f.soft(0f), 1e-3);
        assertEquals(0.653, f.soft(3f / 8f), 1e-3);
    }
}
