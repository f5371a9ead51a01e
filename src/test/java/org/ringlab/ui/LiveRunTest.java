package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.service.RunHistory;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingListener;

/** The inbox and the history overlap; the charts and timeline must see each event once, in order. */
class LiveRunTest {

    private static StepMetrics step(int i) {
        return new StepMetrics(i, 1, i, 100, 1.0, 50, 0.1);
    }

    @Test
    void stepsAndSnapshotsAlreadyShownAreNotShownAgain() {
        RunHistory history = new RunHistory();
        LiveRun run = new LiveRun(new FakeHandle(history));
        for (int i = 1; i <= 5; i++) {
            history.onStep(step(i));
        }
        assertEquals(5, run.unchartedSteps(history.steps()).size());
        // the same steps arrive again through the inbox, plus two new ones
        List<StepMetrics> again = List.of(step(4), step(5), step(6), step(7));
        assertEquals(List.of(step(6), step(7)), run.unchartedSteps(again));
        run.unchart();
        assertEquals(5, run.unchartedSteps(history.steps()).size(), "re-charted from the history");

        PositionSnapshot s0 = new PositionSnapshot(0, 0, 0, List.of());
        PositionSnapshot s5 = new PositionSnapshot(5, 1, 0.5, List.of());
        assertTrue(run.addSnapshots(List.of(s0, s5)));
        assertFalse(run.addSnapshots(List.of(s5)));
        assertEquals(2, run.snapshots.size());
    }

    @Test
    void theTimeLeftShowsOnlyWhileTheRunTrains() {
        FakeRunHandle handle = new FakeRunHandle("r", "r", RunConfig.defaults(), Path.of("r"), RunStatus.RUNNING);
        LiveRun run = new LiveRun(handle);
        run.progress.describe(step(10), 64, 0);
        run.progressText = run.progress.describe(step(20), 64, 2_000_000_000L);
        assertTrue(run.progressText().contains("ETA"), run.progressText());
        handle.set(RunStatus.STOPPED);
        assertEquals("epoch 1/3 · step 20/300", run.progressText(), "after Stop: no rate, no stale ETA");
        handle.set(RunStatus.PAUSED);
        assertFalse(run.progressText().contains("ETA"));
    }

    private record FakeHandle(RunHistory history) implements RunHandle {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public String name() {
            return "fake run";
        }

        @Override
        public RunConfig config() {
            return RunConfig.defaults();
        }

        @Override
        public Path directory() {
            return Path.of("runs", "fake");
        }

        @Override
        public RunStatus status() {
            return RunStatus.RUNNING;
        }

        @Override
        public String statusMessage() {
            return "";
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void step() {
        }

        @Override
        public void stop() {
        }

        @Override
        public void addListener(TrainingListener listener) {
        }

        @Override
        public void removeListener(TrainingListener listener) {
        }
    }
}
