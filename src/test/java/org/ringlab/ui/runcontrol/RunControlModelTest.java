package org.ringlab.ui.runcontrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.ScriptedService;
import org.ringlab.ui.ServiceCalls;

/** The toolbar's rules without a window: which controls apply, what is pending, what a failure says. */
class RunControlModelTest {
    private final ScriptedService service = new ScriptedService();
    private final MessageBar messages = new MessageBar();
    private final SimpleBooleanProperty valid = new SimpleBooleanProperty(true);
    private final AtomicReference<RunConfig> setup = new AtomicReference<>(RunConfig.defaults());
    private final List<RunHandle> started = new ArrayList<>();
    private final RunControlModel model = new RunControlModel(ServiceCalls.direct(), () -> service, setup::get,
            valid, started::add, messages);

    @Test
    void startSubmitsTheSetupAndShowsStartingWhileTheCallIsUnderWay() {
        List<String> seen = new ArrayList<>();
        service.during = () -> seen.add(model.start.text() + " disabled=" + model.start.isDisabled()
                + " pending=" + model.start.isPending());
        model.start();
        assertEquals(List.of("Starting… disabled=true pending=true"), seen);
        assertEquals(List.of(setup.get()), service.submitted);
        assertEquals(1, started.size());
        assertEquals("Start", model.start.text());
        assertFalse(model.start.isPending());
    }

    @Test
    void anInvalidSetupStartsNothing() {
        valid.set(false);
        assertTrue(model.start.isDisabled(), "Start is off while the setup has problems");
        setup.set(null);
        model.start();
        assertEquals(List.of(), service.log);
        valid.set(true);
        assertFalse(model.start.isDisabled());
    }

    @Test
    void theServiceRefusingTheConfigurationFailsInTheStatusLine() {
        service.failing.put("submit", new InvalidConfigException(List.of("lr: must be positive")));
        model.start();
        assertEquals(RunStatus.FAILED, model.statusKind.get());
        assertTrue(model.status.get().startsWith("failed: ") && model.status.get().contains("lr: must be positive"),
                model.status.get());
        assertFalse(model.status.get().contains("\n"), "one line");
        assertTrue(started.isEmpty());
    }

    @Test
    void otherStartFailuresGoToTheMessageBarAsOneLine() {
        service.failing.put("submit", new IllegalStateException("worker gone\nreally"));
        model.start();
        assertEquals("start: worker gone really", messages.text());
        assertFalse(model.start.isPending());
    }

    @Test
    void theControlsFollowTheCurrentRunsStatus() {
        assertTrue(model.pause.isDisabled() && model.resume.isDisabled() && model.step.isDisabled()
                && model.stop.isDisabled(), "no run: nothing to control");
        ScriptedService.Run run = service.run("r", RunStatus.RUNNING);
        model.current.set(run);
        assertFalse(model.pause.isDisabled());
        assertTrue(model.resume.isDisabled() && model.step.isDisabled());
        assertFalse(model.stop.isDisabled());
        assertTrue(model.start.isDisabled(), "one run at a time from the toolbar");
        model.pause();
        assertEquals(List.of("pause r"), service.log);
        assertTrue(model.pause.isDisabled(), "paused now");
        assertFalse(model.resume.isDisabled() || model.step.isDisabled());
        model.stop();
        assertTrue(model.stop.isDisabled() && model.pause.isDisabled());
        assertFalse(model.start.isDisabled(), "an ended run frees Start");
    }

    @Test
    void aControlUnderWayBelongsToItsRunNotToTheSelection() {
        ScriptedService.Run first = service.run("a", RunStatus.RUNNING);
        ScriptedService.Run second = service.run("b", RunStatus.RUNNING);
        model.current.set(first);
        List<String> seen = new ArrayList<>();
        service.during = () -> {
            seen.add("a: " + model.stop.text());
            model.current.set(second);
            seen.add("b: " + model.stop.text());
            model.current.set(first);
        };
        model.stop();
        assertEquals(List.of("a: Stopping…", "b: Stop"), seen);
        assertEquals("Stop", model.stop.text());
    }

    @Test
    void aFailedControlNamesTheActionAndTheRun() {
        service.failing.put("step", new IllegalStateException("deadline exceeded"));
        ScriptedService.Run run = service.run("r", RunStatus.PAUSED);
        model.current.set(run);
        model.step();
        assertTrue(messages.text().startsWith("step run r: "), messages.text());
        assertTrue(messages.text().contains("deadline exceeded"), messages.text());
        assertFalse(model.step.isPending());
    }

    @Test
    void togglePausePausesARunningRunAndResumesAPausedOne() {
        ScriptedService.Run run = service.run("r", RunStatus.RUNNING);
        model.togglePause();
        assertEquals(List.of(), service.log, "no current run");
        model.current.set(run);
        model.togglePause();
        model.togglePause();
        assertEquals(List.of("pause r", "resume r"), service.log);
        run.set(RunStatus.FINISHED);
        model.togglePause();
        assertEquals(2, service.log.size(), "an ended run is left alone");
    }

    @Test
    void statusAndProgressAreShownAsGiven() {
        assertEquals("ready", model.status.get());
        assertNull(model.statusKind.get());
        model.showStatus(RunStatus.RUNNING, "");
        assertEquals("running", model.status.get());
        model.showStatus(RunStatus.DIVERGED, "loss is NaN");
        assertEquals("diverged: loss is NaN", model.status.get());
        model.showProgress(0.25, "epoch 1/4");
        assertEquals(0.25, model.progress.get());
        assertEquals("epoch 1/4", model.progressText.get());
    }
}
