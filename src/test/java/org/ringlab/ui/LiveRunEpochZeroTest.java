package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.config.RunConfig;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunStatus;

/** An init-from run reports epoch 0 (the network as initialised): its curves start there. */
class LiveRunEpochZeroTest {

    private static EpochMetrics epoch(int e) {
        return new EpochMetrics(e, 10 * e, e == 0 ? Double.NaN : 0.5, e == 0 ? Double.NaN : 90, 94, 94, 95, 1e-3,
                e == 0 ? Double.NaN : 100, 1, e);
    }

    @Test
    void epochZeroIsChartedOnceAndAgainAfterUnchart() {
        LiveRun run = new LiveRun(new FakeRunHandle("1", "from fp32", RunConfig.defaults(), Path.of("runs/1"),
                RunStatus.RUNNING));
        List<EpochMetrics> history = List.of(epoch(0), epoch(1));
        assertEquals(history, run.unchartedEpochs(history));
        assertEquals(List.of(epoch(2)), run.unchartedEpochs(List.of(epoch(0), epoch(1), epoch(2))));
        run.unchart();
        assertEquals(3, run.unchartedEpochs(List.of(epoch(0), epoch(1), epoch(2))).size(), "re-charted from epoch 0");
    }
}
