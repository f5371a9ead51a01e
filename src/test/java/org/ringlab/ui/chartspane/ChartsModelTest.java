package org.ringlab.ui.chartspane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.ui.LiveRun;
import org.ringlab.ui.ScriptedService;

/** Which runs the charts show, without a window: curves follow the selection, each from its history. */
class ChartsModelTest {
    private final List<String> drawn = new ArrayList<>();
    private final ChartsModel model = new ChartsModel(new ChartsModel.Charts() {
        @Override
        public void addRun(String runId, String label) {
            drawn.add("add " + runId);
        }

        @Override
        public void removeRun(String runId) {
            drawn.add("remove " + runId);
        }

        @Override
        public void appendSteps(String runId, List<StepMetrics> steps) {
            drawn.add(runId + " steps " + steps.stream().map(StepMetrics::step).toList());
        }

        @Override
        public void appendEpochs(String runId, List<EpochMetrics> epochs) {
            drawn.add(runId + " epochs " + epochs.size());
        }
    });
    private final ScriptedService service = new ScriptedService();

    private LiveRun run(String id, int steps) {
        ScriptedService.Run handle = service.run(id, RunStatus.FINISHED);
        for (int s = 1; s <= steps; s++) {
            handle.history().onStep(new StepMetrics(s, 1, s, steps, 1.0 / s, 0.5, 0.1));
        }
        return new LiveRun(handle);
    }

    @Test
    void selectedRunsAreChartedFromTheirHistoryAndDeselectedOnesRemoved() {
        LiveRun a = run("a", 2);
        LiveRun b = run("b", 3);
        model.show(List.of(a, b));
        assertEquals(List.of("add a", "a steps [1, 2]", "a epochs 0", "add b", "b steps [1, 2, 3]", "b epochs 0"),
                drawn);
        assertEquals(Set.of("a", "b"), model.charted());
        drawn.clear();
        model.show(List.of(b));
        assertEquals(List.of("remove a"), drawn, "b keeps its curve (and its colour)");
        drawn.clear();
        model.show(List.of(a, b));
        assertEquals(List.of("add a", "a steps [1, 2]", "a epochs 0"), drawn, "a comes back whole");
    }

    @Test
    void aDroppedRunIsRemovedOnce() {
        LiveRun a = run("a", 1);
        model.show(List.of(a));
        drawn.clear();
        assertTrue(model.drop("a"));
        assertFalse(model.drop("a"));
        assertFalse(model.drop("never-charted"));
        assertEquals(List.of("remove a"), drawn);
        assertTrue(model.charted().isEmpty());
    }

    @Test
    void smoothingIsShownWithTwoDecimals() {
        assertEquals("0.60", model.smoothingText().get());
        model.smoothing.set(0.9);
        assertEquals("0.90", model.smoothingText().get());
        model.smoothing.set(0);
        assertEquals("0.00", model.smoothingText().get());
    }
}
