package org.ringlab.sweep.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How squeue, sacct and a task's own status file combine into one run state. */
class SweepStateTest {
    private static final SweepManifest.Run RUN = new SweepManifest.Run(2, "mlp-fp32-s1", Path.of("/shared/s/mlp-fp32-s1"));

    private static TaskStatus file(String state, int epoch, String reason) {
        return TaskStatus.now(state, epoch, 3, reason, 0, "n1");
    }

    @Test
    void theTasksOwnEndBeatsTheQueue() {
        // squeue still lists it as completing, or has forgotten it: the file says it finished
        assertEquals("finished", SweepState.merge(RUN, 3, "COMPLETING", "", null, file("finished", 3, null), false).state());
        assertEquals("finished", SweepState.merge(RUN, 3, null, null, null, file("finished", 3, null), true).state());
        SweepState.RunState failed = SweepState.merge(RUN, 3, null, null, "FAILED", file("failed", 1, "no such folder"),
                false);
        assertEquals("failed", failed.state());
        assertEquals("no such folder", failed.reason());
        assertEquals("FAILED", failed.slurm());
    }

    @Test
    void theQueueTellsPendingRunningAndRequeued() {
        SweepState.RunState pending = SweepState.merge(RUN, 3, "PENDING", "Resources", null, null, false);
        assertEquals("pending", pending.state());
        assertEquals(0, pending.epoch());
        assertEquals(3, pending.epochs(), "from the run's config.json before the task starts");
        SweepState.RunState running = SweepState.merge(RUN, 3, "RUNNING", "None", null, file("running", 2, null), false);
        assertEquals("running", running.state());
        assertEquals(2, running.epoch());
        assertEquals("RUNNING", running.slurm());
        // waiting again after it ran: requeued (by scontrol requeue, preemption or its own warning signal)
        assertEquals("requeued", SweepState.merge(RUN, 3, "PENDING", "BeginTime", null,
                file("stopped", 2, "stopped by a signal"), false).state());
        assertEquals("requeued", SweepState.merge(RUN, 3, "REQUEUED", "", null, file("running", 1, null), false).state());
    }

    @Test
    void aTaskGoneFromTheQueueWithoutFinishingFailedOrWasCancelled() {
        assertEquals("cancelled", SweepState.merge(RUN, 3, null, null, null, file("stopped", 1, "signal"), true).state());
        assertEquals("cancelled", SweepState.merge(RUN, 3, null, null, "CANCELLED", null, false).state());
        SweepState.RunState timeout = SweepState.merge(RUN, 3, null, null, "TIMEOUT", file("running", 1, null), false);
        assertEquals("failed", timeout.state());
        assertTrue(timeout.reason().contains("TIMEOUT") && timeout.reason().contains("epoch 1/3"), timeout.reason());
        // no accounting, no status file: it never started its run
        SweepState.RunState lost = SweepState.merge(RUN, 3, null, null, null, null, false);
        assertEquals("failed", lost.state());
        assertTrue(lost.reason().contains("logs/2.log"), lost.reason());
        assertNull(lost.slurm());
    }

    @Test
    void theJsonHasTheAgreedShape() throws Exception {
        SweepState state = new SweepState("41", List.of(
                SweepState.merge(RUN, 3, "RUNNING", "None", null, file("running", 2, null), false)));
        assertFalse(state.ended());
        JsonNode json = new ObjectMapper().readTree(state.toJson());
        assertEquals("41", json.path("job").asText());
        JsonNode run = json.path("runs").get(0);
        assertEquals(List.of("index", "name", "dir", "state", "epoch", "epochs", "reason", "slurm"),
                iterable(run.fieldNames()));
        assertEquals(2, run.path("index").asInt());
        assertEquals("/shared/s/mlp-fp32-s1", run.path("dir").asText());
        assertTrue(run.path("reason").isNull());
        assertEquals("RUNNING", run.path("slurm").asText());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
