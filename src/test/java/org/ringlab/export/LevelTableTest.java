package org.ringlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInterpolation;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

class LevelTableTest {

    @Test
    void referenceTriangleEightPacksAtTwoBitsAndRingFourAtOne() {
        LevelTable eight = LevelTable.of(Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE));
        assertEquals(4, eight.count());
        assertEquals(2, eight.bits());
        LevelTable four = LevelTable.of(Ring.of(RingType.TRIANGLE, 4, RingMode.REFERENCE));
        assertEquals(2, four.count());
        assertEquals(1, four.bits());
    }

    @Test
    void decodedPositionsSnapToTheCodedLevelExactly() {
        for (RingType type : RingType.values()) {
            for (RingMode mode : RingMode.values()) {
                for (int n : new int[] {2, 3, 4, 5, 8, 16, 64}) {
                    Ring ring = Ring.of(type, n, mode);
                    LevelTable table = LevelTable.of(ring);
                    RingInterpolation snap = new RingInterpolation(ring);
                    float[] levels = table.levels();
                    float[] slotCentres = new float[n];
                    for (int k = 0; k < n; k++) {
                        slotCentres[k] = (float) k / n;
                    }
                    int[] codes = table.encode(slotCentres);
                    float[] decoded = table.positions(codes);
                    for (int k = 0; k < n; k++) {
                        String where = ring.label() + " slot " + k;
                        assertEquals(ring.value(k), levels[codes[k]], 1e-5, where);
                        assertEquals(Float.floatToIntBits(levels[codes[k]]),
                                Float.floatToIntBits(snap.hard(decoded[k])), where);
                        assertEquals(codes[k], table.encode(new float[] {decoded[k]})[0], where);
                    }
                }
            }
        }
    }
}
