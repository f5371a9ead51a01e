package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingLookupTable;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

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

    /**
     * A position bin's count lands on the weights its range of p covers (checked against the
     * training kernel's lookup table, a second way to evaluate w(p)) and none is lost.
     */
    @Test
    void eachPositionBinsCountLandsOnTheWeightsItCovers() {
        WeightBins bins = WeightBins.forRing(TRIANGLE_8, 60);
        RingGeometry geometry = new RingGeometry(8, 4);
        RingLookupTable table = RingLookupTable.of(TRIANGLE_8);
        double width = 1.0 / geometry.binCount();
        for (int j = 0; j < geometry.binCount(); j++) {
            long[] counts = bins.countSoftWeights(Snapshots.allInBin("l", 8, 4, j, 160));
            assertEquals(160, Arrays.stream(counts).sum(), "position bin " + j);
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int k = 0; k <= 64; k++) {
                double p = geometry.binCentrePosition(j) - width / 2 + k * width / 64;
                int b = bins.binOf(table.soft(p - Math.floor(p)));
                lo = Math.min(lo, b);
                hi = Math.max(hi, b);
            }
            for (int b = 0; b < counts.length; b++) {
                if (counts[b] > 0) {
                    assertTrue(b >= lo && b <= hi, "position bin " + j + " put weights in bin " + b);
                }
            }
        }
    }

    @Test
    void evenlySpreadPositionsLeaveNoGapsInTheWeights() {
        WeightBins bins = WeightBins.forRing(TRIANGLE_8, 60);
        int[] histogram = new int[32];
        Arrays.fill(histogram, 320);
        long[] counts = bins.countSoftWeights(Snapshots.withHistogram("l", 8, 4, histogram));
        int first = 0;
        while (counts[first] == 0) {
            first++;
        }
        int last = counts.length - 1;
        while (counts[last] == 0) {
            last--;
        }
        for (int b = first; b <= last; b++) {
            assertTrue(counts[b] > 0, "empty weight bin " + b + " inside the covered range");
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
