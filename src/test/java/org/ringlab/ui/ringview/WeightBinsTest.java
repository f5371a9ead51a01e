package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingLookupTable;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import org.ringlab.train.LayerSnapshot;

class WeightBinsTest {
    private static final Ring TRIANGLE_8 = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);

    @Test
    void spansTheRingsValueRange() {
        WeightBins bins = WeightBins.forRing(TRIANGLE_8, 60);
        assertEquals(-1.0, bins.min(), 0.0);
        assertEquals(TRIANGLE_8.value(3), bins.max(), 1e-6);
        assertEquals(0, bins.binOf(bins.min()));
        assertEquals(59, bins.binOf(bins.max()));
    }

    /** Checked against the training kernel's lookup table, a second way to evaluate w(p). */
    @Test
    void eachPositionBinsCountGoesToTheBinOfItsSoftWeight() {
        WeightBins bins = WeightBins.forRing(TRIANGLE_8, 60);
        RingGeometry geometry = new RingGeometry(8, 4);
        for (int j = 0; j < geometry.binCount(); j++) {
            LayerSnapshot s = Snapshots.allInBin("l", 8, 4, j, 11);
            long[] counts = bins.countSoftWeights(s);
            int expected = bins.binOf(RingLookupTable.of(TRIANGLE_8).soft(geometry.binCentrePosition(j)));
            assertEquals(11, counts[expected], "position bin " + j);
            assertEquals(11, Arrays.stream(counts).sum());
        }
    }

    @Test
    void aRingOfOneValueStillHasWideBins() {
        Ring flat = Ring.of(RingType.SIN, 2, RingMode.UNIFORM);
        WeightBins bins = WeightBins.forRing(flat, 9);
        assertEquals(1.0, bins.max() - bins.min(), 1e-6);
        assertEquals(20, bins.countSoftWeights(Snapshots.allInBin("l", 2, 1, 1, 20))[4], "not in the middle bin");
    }

    @Test
    void aSnapshotOfAnotherRingSizeIsRefused() {
        WeightBins bins = WeightBins.forRing(TRIANGLE_8, 60);
        assertThrows(IllegalArgumentException.class, () -> bins.countSoftWeights(Snapshots.empty("l", 4, 1)));
    }
}
