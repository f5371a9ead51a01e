package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RingGeometryTest {
    private static final double TWO_PI = 2 * Math.PI;

    @ParameterizedTest
    @CsvSource({"8, 1", "8, 3", "8, 4", "5, 16"})
    void binsOfASlotAreCentredOnTheSlotsAngle(int n, int m) {
        RingGeometry g = new RingGeometry(n, m);
        for (int k = 0; k < n; k++) {
            double first = g.binStartAngle(k * m);
            double last = g.binEndAngle(k * m + m - 1);
            assertEquals(g.slotAngle(k), (first + last) / 2, 1e-12, "slot " + k);
            assertEquals(k, g.slotOfBin(k * m));
            assertEquals(k, g.slotOfBin(k * m + m - 1));
        }
    }

    @Test
    void withAnOddSubBinCountTheMiddleBinSitsOnTheSlot() {
        RingGeometry g = new RingGeometry(8, 3);
        for (int k = 0; k < 8; k++) {
            assertEquals(g.slotAngle(k), g.binCentreAngle(3 * k + 1), 1e-12);
        }
    }

    @ParameterizedTest
    @CsvSource({"8, 1", "8, 4", "64, 8"})
    void binsTileTheCircleWithEqualSpans(int n, int m) {
        RingGeometry g = new RingGeometry(n, m);
        int bins = g.binCount();
        assertEquals(n * m, bins);
        for (int j = 0; j < bins; j++) {
            assertEquals(TWO_PI / bins, g.binEndAngle(j) - g.binStartAngle(j), 1e-12, "span of bin " + j);
            if (j + 1 < bins) {
                assertEquals(g.binStartAngle(j + 1), g.binEndAngle(j), 0.0, "gap after bin " + j);
            }
        }
        assertEquals(TWO_PI, g.binEndAngle(bins - 1) - g.binStartAngle(0), 1e-12);
    }

    @Test
    void slotAnglesGrowFromZeroByEqualSteps() {
        RingGeometry g = new RingGeometry(8, 4);
        assertEquals(0.0, g.slotAngle(0));
        assertEquals(Math.PI / 2, g.slotAngle(2), 1e-12);
        assertEquals(Math.PI, g.slotAngle(4), 1e-12);
    }

    /** The bins drawn must be the bins the recorder filled: a position's angle falls in its own bin. */
    @Test
    void aPositionLiesInsideTheBinTheRecorderPutsItIn() {
        int n = 8;
        int m = 4;
        RingGeometry g = new RingGeometry(n, m);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double p = random.nextDouble();
            // SnapshotRecorder's binning, spelled out independently here
            int bin = (int) Math.floorMod((long) Math.floor((p * n + 0.5) * m), (long) n * m);
            double angle = TWO_PI * p;
            double start = g.binStartAngle(bin);
            double offset = angle - start - TWO_PI * Math.floor((angle - start) / TWO_PI);
            assertTrue(offset < g.binEndAngle(bin) - start + 1e-12, "p=" + p + " outside bin " + bin);
            double fromCentre = Math.abs(p - g.binCentrePosition(bin));
            assertTrue(Math.min(fromCentre, 1 - fromCentre) <= 0.5 / (n * m) + 1e-12, "p=" + p + " far from centre");
        }
    }

    @Test
    void theFirstBinsCentreWrapsToTheEndOfTheUnitInterval() {
        RingGeometry g = new RingGeometry(8, 4);
        // bin 0 spans u ∈ [−½, −¼): its centre u = −⅜ is p = 1 − ⅜/8
        assertEquals(1 - 0.375 / 8, g.binCentrePosition(0), 1e-12);
        assertEquals(0.125 / 8, g.binCentrePosition(2), 1e-12);
    }
}
