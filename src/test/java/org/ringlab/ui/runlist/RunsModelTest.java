package org.ringlab.ui.runlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.store.NoCheckpointException;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.ui.LiveRun;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.ScriptedService;
import org.ringlab.ui.ServiceCalls;
import org.ringlab.ui.chartspane.ChartsModel;

/** The runs list and its actions without a window: selection, the current run, resuming and its confirmation. */
class RunsModelTest {
    private final ScriptedService service = new ScriptedService();
    private final MessageBar messages = new MessageBar();
    private final List<String> charted = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private boolean workerAlive = true;
    private boolean restartAnswer;
    private final ChartsModel charts = new ChartsModel(new ChartsModel.Charts() {
        @Override
        public void addRun(String runId, String label) {
            charted.add("add " + runId);
        }

        @Override
        public void removeRun(String runId) {
            charted.add("remove " + runId);
        }

        @Override
        public void appendSteps(String runId, List<StepMetrics> steps) {
        }

        @Override
        public void appendEpochs(String runId, List<EpochMetrics> epochs) {
        }
    });
    private final RunsModel model = new RunsModel(ServiceCalls.direct(), null, charts, messages);
    private final RunActions actions = new RunActions(ServiceCalls.direct(), () -> service, null, model,
            () -> workerAlive, name -> {
                asked.add(name);
                return restartAnswer;
            }, messages);

    @Test
    void aStartedRunIsListedCurrentAndTheOnlyOneSelected() {
        model.adopt(service.run("sweep1", RunStatus.PENDING));
        model.started(service.run("r", RunStatus.RUNNING));
        assertEquals(2, model.items().size());
        LiveRun r = model.items().get(1);
        assertSame(r, model.current.get());
        assertEquals(List.of(r), model.selection());
        assertEquals(List.of("add r"), charted);
    }

    @Test
    void theLastSelectedRunIsFollowedAndEverySelectedOneCharted() {
        model.adopt(service.run("a", RunStatus.FINISHED));
        model.adopt(service.run("b", RunStatus.FINISHED));
        LiveRun a = model.items().get(0);
        LiveRun b = model.items().get(1);
        model.select(List.of(a, b));
        assertSame(b, model.current.get());
        assertEquals(List.of("add a", "add b"), charted);
        model.select(List.of());
        assertSame(b, model.current.get(), "an empty selection in passing changes nothing");
        assertEquals(2, charts.charted().size());
        model.select(List.of(a));
        assertSame(a, model.current.get());
        assertEquals(List.of("add a", "add b", "remove b"), charted);
    }

    @Test
    void resumeAppliesToAnEndedRunOnALiveWorkerOnly() {
        model.adopt(service.run("a", RunStatus.FINISHED));
        model.adopt(service.run("b", RunStatus.INTERRUPTED));
        model.select(List.of(model.items().get(0)));
        actions.refresh();
        assertTrue(actions.resumeRun.isDisabled(), "a finished run has nothing to resume");
        model.select(List.of(model.items().get(1)));
        actions.refresh();
        assertFalse(actions.resumeRun.isDisabled());
        actions.refresh();
        workerAlive = false;
        actions.refresh();
        assertTrue(actions.resumeRun.isDisabled(), "not while the worker is dead");
        assertTrue(actions.deleteRun.isDisabled(), "no workspace store: nothing to delete");
    }

    @Test
    void aResumedRunReplacesItsRowAndBecomesCurrent() {
        model.adopt(service.run("x", RunStatus.PENDING));
        model.adopt(withAnEpoch(service.run("b", RunStatus.STOPPED)));
        LiveRun old = model.items().get(1);
        model.select(List.of(old));
        List<String> seen = new ArrayList<>();
        service.during = () -> seen.add(actions.resumeRun.text());
        actions.resumeSelected();
        assertEquals(List.of("resumeRun b"), service.log);
        assertEquals(List.of("Resuming…"), seen);
        assertEquals(2, model.items().size());
        LiveRun resumed = model.items().get(1);
        assertNotSame(old, resumed);
        assertSame(resumed, model.current.get());
        assertEquals(List.of(resumed), model.selection());
        assertEquals(List.of("add b", "remove b", "add b"), charted, "the old curve is replaced");
        assertEquals("resuming run b from its last checkpoint", messages.text());
    }

    @Test
    void aRunWithoutACheckpointRestartsFromStepZeroOnlyWhenTheUserSaysSo() {
        // an epoch recorded, its checkpoint lost: only the service can tell
        model.adopt(withAnEpoch(service.run("b", RunStatus.FAILED)));
        model.select(List.of(model.items().get(0)));
        service.failing.put("resumeRun", new NoCheckpointException("no checkpoint"));
        actions.resumeSelected();
        assertEquals(List.of("run b"), asked);
        assertEquals("resume: cancelled; run b is kept as it is", messages.text());
        assertEquals(List.of("resumeRun b"), service.log);
        restartAnswer = true;
        service.during = () -> {
            if (service.log.get(service.log.size() - 1).endsWith("from-scratch")) {
                service.failing.clear();
            }
        };
        actions.resumeSelected();
        assertEquals(List.of("resumeRun b", "resumeRun b", "resumeRun b from-scratch"), service.log);
        assertEquals("restarting run b from step 0", messages.text());
        assertFalse(actions.resumeRun.isPending());
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointAsksBeforeRestartingAndNeverClaimsToResume() {
        // no epoch recorded, so no checkpoint written: the service would start it over without a word
        model.adopt(service.run("b", RunStatus.STOPPED));
        model.select(List.of(model.items().get(0)));
        actions.resumeSelected();
        assertEquals(List.of("run b"), asked, "asked first");
        assertEquals(List.of(), service.log, "nothing asked of the service when the user cancels");
        assertEquals("resume: cancelled; run b is kept as it is", messages.text());
        restartAnswer = true;
        actions.resumeSelected();
        assertEquals(List.of("resumeRun b from-scratch"), service.log);
        assertEquals("restarting run b from step 0", messages.text());
    }

    private static ScriptedService.Run withAnEpoch(ScriptedService.Run run) {
        run.history().onEpoch(new EpochMetrics(1, 5, 1.0, 50, 60, 55, 58, 1e-3, 100, 1, 1));
        return run;
    }

    @Test
    void resumeWithoutASelectionSaysWhatToSelect() {
        actions.resumeSelected();
        assertEquals("resume: select an interrupted or stopped run", messages.text());
    }

    @Test
    void withoutAStoreNothingIsDeletedOrLoaded() {
        model.adopt(service.run("a", RunStatus.FINISHED));
        model.select(List.of(model.items().get(0)));
        actions.deleteSelected();
        assertEquals("delete: select ended runs", messages.text());
        model.loadPast();
        assertEquals(1, model.items().size());
        assertTrue(service.log.isEmpty());
    }

    @Test
    void aClusterRunMovingOnKeepsItsPlaceAndSelection() {
        model.adopt(service.run("c1", RunStatus.PENDING));
        model.adopt(service.run("c2", RunStatus.RUNNING));
        LiveRun first = model.items().get(1);
        model.select(List.of(first));
        model.showCluster(service.run("c2", RunStatus.FINISHED));
        LiveRun now = model.items().get(1);
        assertNotSame(first, now);
        assertEquals(RunStatus.FINISHED, now.handle.status());
        assertEquals(List.of(now), model.selection());
        assertEquals(List.of("add c2", "remove c2", "add c2"), charted);
        model.showCluster(service.run("c3", RunStatus.PENDING));
        assertEquals(3, model.items().size(), "a new one is appended");
    }
}
