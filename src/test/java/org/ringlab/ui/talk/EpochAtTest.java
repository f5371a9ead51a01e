package org.ringlab.ui.talk;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.train.EpochMetrics;

class EpochAtTest {
    private static EpochMetrics epoch(int n, int step) {
        return new EpochMetrics(n, step, 0.1, 90, 98, 97, 97.5, 1e-3, 100, 10, 10 * n);
    }

    private final List<EpochMetrics> epochs = List.of(epoch(1, 100), epoch(2, 200), epoch(3, 300));

    @Test
    void aMomentShowsTheLastEpochEvaluatedByThen() {
        assertSame(epochs.get(0), EpochAt.step(epochs, 100));
        assertSame(epochs.get(0), EpochAt.step(epochs, 199));
        assertSame(epochs.get(1), EpochAt.step(epochs, 200));
        assertSame(epochs.get(2), EpochAt.step(epochs, 10_000));
    }

    @Test
    void beforeTheFirstEvaluationThereIsNone() {
        assertNull(EpochAt.step(epochs, 99));
        assertNull(EpochAt.latest(List.of()));
        assertSame(epochs.get(2), EpochAt.latest(epochs));
    }
}
