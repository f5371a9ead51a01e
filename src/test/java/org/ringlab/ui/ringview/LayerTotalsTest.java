package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import org.ringlab.train.LayerSnapshot;

class LayerTotalsTest {
    private static final Ring TRIANGLE_4 = Ring.of(RingType.TRIANGLE, 4, RingMode.REFERENCE);

    @Test
    void sumsHistogramsAndSlotCountsOfLayersOnTheRing() {
        LayerSnapshot a = new LayerSnapshot("a", 4, 2, 3, new int[] {1, 0, 0, 2, 0, 0, 0, 0},
                new long[] {1, 2, 0, 0}, 0.5, 1.0, 1.0);
        LayerSnapshot b = new LayerSnapshot("b", 4, 2, 1, new int[] {0, 0, 0, 0, 0, 0, 0, 1},
                new long[] {0, 0, 0, 1}, 0.1, 0.0, 0.0);
        LayerSnapshot all = LayerTotals.of(List.of(a, b), TRIANGLE_4);
        assertEquals("all 2 layers", all.layer());
        assertArrayEquals(new int[] {1, 0, 0, 2, 0, 0, 0, 1}, all.histogram());
        assertArrayEquals(new long[] {1, 2, 0, 1}, all.slotCounts());
        assertEquals(4, all.positions());
        assertEquals((0.5 * 3 + 0.1 * 1) / 4, all.slotChangeRate(), 1e-12);
        assertEquals(0.75, all.shareNearRingValue(), 1e-12);
    }

    /** Slots 0 and 3 of the reference ring are both −1: their codes are one symbol, not two. */
    @Test
    void entropyIsOverTheDistinctValuesOfTheSummedCodes() {
        LayerSnapshot onMinusOne = new LayerSnapshot("a", 4, 1, 2, new int[] {1, 0, 0, 1}, new long[] {1, 0, 0, 1},
                0, 0, 0);
        LayerSnapshot onThird = new LayerSnapshot("b", 4, 1, 2, new int[] {0, 1, 1, 0}, new long[] {0, 1, 1, 0},
                0, 0, 0);
        assertEquals(0.0, LayerTotals.of(List.of(onMinusOne), TRIANGLE_4).codeEntropyBits(), 1e-12);
        assertEquals(1.0, LayerTotals.of(List.of(onMinusOne, onThird), TRIANGLE_4).codeEntropyBits(), 1e-12);
    }

    @Test
    void layersOfAnotherShapeAreLeftOutAndTheNameSaysSo() {
        LayerSnapshot fits = Snapshots.allInBin("fits", 4, 2, 3, 5);
        LayerSnapshot otherBins = Snapshots.allInBin("other bins", 4, 4, 0, 7);
        LayerSnapshot otherRing = Snapshots.allInBin("other ring", 8, 2, 0, 9);
        LayerSnapshot all = LayerTotals.of(List.of(otherRing, fits, otherBins), TRIANGLE_4);
        assertEquals("1 of 3 layers", all.layer());
        assertEquals(5, all.positions());
        assertArrayEquals(fits.histogram(), all.histogram());
    }

    @Test
    void aFirstSnapshotHasNoChangeRate() {
        LayerSnapshot all = LayerTotals.of(List.of(Snapshots.allInBin("a", 4, 1, 0, 3), Snapshots.empty("b", 4, 1)),
                TRIANGLE_4);
        assertTrue(Double.isNaN(all.slotChangeRate()));
    }

    @Test
    void noLayerOnTheRingIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> LayerTotals.of(List.of(Snapshots.allInBin("a", 8, 1, 0, 1)), TRIANGLE_4));
    }
}
