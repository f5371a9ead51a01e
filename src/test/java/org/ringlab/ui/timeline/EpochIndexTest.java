package org.ringlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.train.PositionSnapshot;

class EpochIndexTest {
    private static List<PositionSnapshot> at(double... progress) {
        List<PositionSnapshot> out = new ArrayList<>();
        for (int i = 0; i < progress.length; i++) {
            out.add(new PositionSnapshot(i * 10, (int) progress[i], progress[i], List.of()));
        }
        return out;
    }

    @Test
    void theSnapshotShownIsTheLastTakenByThen() {
        List<PositionSnapshot> s = at(0, 0.4, 0.8, 1.2, 1.6, 2.0);
        assertEquals(0, EpochIndex.at(s, 0));
        assertEquals(0, EpochIndex.at(s, 0.39));
        assertEquals(1, EpochIndex.at(s, 0.4));
        assertEquals(3, EpochIndex.at(s, 1.5));
        assertEquals(5, EpochIndex.at(s, 2.0));
        assertEquals(5, EpochIndex.at(s, 9));
        assertEquals(0, EpochIndex.at(s, -1));
    }

    @Test
    void epochEndsAreInterpolatedBetweenSnapshots() {
        List<EpochIndex.EpochEnd> ends = EpochIndex.epochEnds(at(0, 0.4, 0.8, 1.2, 1.6, 2.0));
        assertEquals(2, ends.size());
        assertEquals(1, ends.get(0).epoch());
        assertEquals(2.5, ends.get(0).position(), 1e-9, "halfway between 0.8 (index 2) and 1.2 (index 3)");
        assertEquals(2, ends.get(1).epoch());
        assertEquals(5, ends.get(1).position(), 1e-9);
        // a resumed run that starts in its second epoch marks only the ends it holds
        List<EpochIndex.EpochEnd> resumed = EpochIndex.epochEnds(at(1.5, 2.5, 3.0));
        assertEquals(List.of(new EpochIndex.EpochEnd(2, 0.5), new EpochIndex.EpochEnd(3, 2)), resumed);
        assertEquals(List.of(), EpochIndex.epochEnds(at(0, 0.5)));
    }

    @Test
    void speedsAreInEpochsPerSecond() {
        assertEquals(15, ReplaySpeed.NORMAL.seconds(3), 1e-9, "1×: one epoch in 5 s");
        assertEquals(1.875, new ReplaySpeed(8).seconds(3), 1e-9);
        assertEquals(60, new ReplaySpeed(0.25).seconds(3), 1e-9);
        assertEquals("0.25×", new ReplaySpeed(0.25).toString());
        assertEquals("8×", new ReplaySpeed(8).toString());
        assertThrows(IllegalArgumentException.class, () -> new ReplaySpeed(16));
    }
}
