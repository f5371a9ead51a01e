package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BarScaleTest {

    @Test
    void linearHeightsAreSharesOfTheLargestCount() {
        assertArrayEquals(new double[] {0, 0.25, 1, 0.5}, BarScale.LINEAR.heights(new long[] {0, 1, 4, 2}), 1e-12);
    }

    @Test
    void sqrtHeightsLiftSmallCounts() {
        assertArrayEquals(new double[] {0, 0.5, 1}, BarScale.SQRT.heights(new long[] {0, 1, 4}), 1e-12);
    }

    @Test
    void anEmptyHistogramHasNoBars() {
        assertArrayEquals(new double[] {0, 0}, BarScale.SQRT.heights(new long[] {0, 0}), 0.0);
    }
}
