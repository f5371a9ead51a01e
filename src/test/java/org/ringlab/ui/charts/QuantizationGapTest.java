package org.ringlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.train.EpochMetrics;

class QuantizationGapTest {

    private static EpochMetrics epoch(int epoch, double soft, double snapped, double snappedBn) {
        return new EpochMetrics(epoch, epoch * 100, 0.5, 90, soft, snapped, snappedBn, 0.01, 1000, 10, 10.0 * epoch);
    }

    @Test
    void gapsAreSoftAndBnMinusSnappedInPercentagePoints() {
        QuantizationGap gap = QuantizationGap.of(epoch(3, 98.83, 97.12, 98.39));
        assertEquals(3, gap.epoch());
        assertEquals(300, gap.step());
        assertEquals(1.71, gap.softMinusSnapped(), 1e-9);
        assertEquals(1.27, gap.bnMinusSnapped(), 1e-9);
    }

    @Test
    void aSnappedRunBeatingItsSoftWeightsHasANegativeGap() {
        QuantizationGap gap = QuantizationGap.of(epoch(1, 90, 91.5, 89));
        assertEquals(-1.5, gap.softMinusSnapped(), 1e-9);
        assertEquals(-2.5, gap.bnMinusSnapped(), 1e-9);
    }

    @Test
    void anFp32RunHasNoGap() {
        QuantizationGap gap = QuantizationGap.of(epoch(1, 97, Double.NaN, Double.NaN));
        assertTrue(Double.isNaN(gap.softMinusSnapped()));
        assertTrue(Double.isNaN(gap.bnMinusSnapped()));
    }

    @Test
    void aListKeepsItsOrder() {
        List<QuantizationGap> gaps = QuantizationGap.of(List.of(epoch(1, 95, 90, 94), epoch(2, 97, 96, 96.5)));
        assertEquals(List.of(1, 2), gaps.stream().map(QuantizationGap::epoch).toList());
        assertEquals(5, gaps.get(0).softMinusSnapped(), 1e-9);
        assertEquals(0.5, gaps.get(1).bnMinusSnapped(), 1e-9);
    }
}
