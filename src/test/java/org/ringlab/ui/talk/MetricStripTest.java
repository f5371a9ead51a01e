package org.ringlab.ui.talk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricStripTest {

    @Test
    void percentRoundsToTwoDecimalsAndDashesAMissingFigure() {
        assertEquals("98.83 %", MetricStrip.percent(98.8349));
        assertEquals("—", MetricStrip.percent(Double.NaN));
    }
}
