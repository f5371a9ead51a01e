package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.train.LayerSnapshot;

class ReadoutTest {

    private static final LayerSnapshot CONV1 = new LayerSnapshot("conv1", 8, 4, 4320, new int[32], new long[8],
            0.0125, 1.93456, 0.873);

    @Test
    void namesTheLayerAndCountsItsPositions() {
        assertEquals(List.of("conv1", "4,320 positions"), Readout.identity(CONV1));
    }

    @Test
    void givesTheSnapshotsFiguresInTheRoomTheViewReserves() {
        List<String> figures = Readout.figures(CONV1);
        assertEquals(List.of("slot changes 1.25 %", "code entropy 1.93 bits", "within ε of a ring value 87.30 %"),
                figures);
        assertEquals(Readout.ROWS, Math.max(figures.size(), Readout.identity(CONV1).size()));
    }

    @Test
    void anUndefinedRateIsADash() {
        assertEquals("—", Readout.percent(Double.NaN));
    }

    @Test
    void aFewChangesAreNotRoundedAwayToZero() {
        assertEquals("< 0.01 %", Readout.percent(3e-6));
        assertEquals("0.00 %", Readout.percent(0));
    }
}
