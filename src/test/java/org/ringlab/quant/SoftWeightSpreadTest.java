package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SoftWeightSpreadTest {
    private static final Ring TRIANGLE_8 = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);

    @Test
    void wholeAndFractionalSpreadsKeepEveryWeight() {
        SoftWeightSpread spread = new SoftWeightSpread(TRIANGLE_8, 4, 60);
        int[] histogram = new int[32];
        for (int j = 0; j < histogram.length; j++) {
            histogram[j] = 3 * j + 1;
        }
        long total = Arrays.stream(histogram).sum();
        assertEquals(total, Arrays.stream(spread.spreadWhole(histogram)).sum());
        assertEquals((double) total, Arrays.stream(spread.spread(histogram)).sum(), 1e-9);
    }

    @Test
    void theSlotCentreSampleLandsOnTheSoftWeightThere() {
        SoftWeightSpread spread = new SoftWeightSpread(TRIANGLE_8, 1, 60);
        // one sub-bin per slot: bin 3 is centred on slot 3, where w = 0.653
        int middle = SoftWeightSpread.SAMPLES_PER_BIN / 2;
        int bin = spread.target(3, middle);
        double w = new RingInterpolation(TRIANGLE_8).softExact(3.0 / 8 + 0.5 / 8 / SoftWeightSpread.SAMPLES_PER_BIN);
        assertEquals(spread.binOf(w), bin);
    }

    @Test
    void aHistogramOfAnotherShapeIsRefused() {
        SoftWeightSpread spread = new SoftWeightSpread(TRIANGLE_8, 4, 60);
        assertThrows(IllegalArgumentException.class, () -> spread.spread(new int[8]));
    }
}
