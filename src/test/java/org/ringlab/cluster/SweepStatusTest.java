package org.ringlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading {@code ringlab sweep status DIR --json}. */
class SweepStatusTest {
    private static final String RUNNING = """
            {"job":"42","runs":[
             {"index":0,"name":"mlp-ring-triangle4-s1","dir":"/s/mlp-ring-triangle4-s1","state":"finished","epoch":3,
              "epochs":3,"reason":null,"slurm":"COMPLETED"},
             {"index":1,"name":"mlp-ring-triangle4-s2","dir":"/s/mlp-ring-triangle4-s2","state":"running","epoch":2,
              "epochs":3,"reason":null,"slurm":"RUNNING","future-key":[1,2]},
             {"index":2,"name":"mlp-twn-s1","dir":"/s/mlp-twn-s1","state":"failed","epoch":0,"epochs":3,
              "reason":"data: no such folder /nope","slurm":null},
             {"index":3,"name":"mlp-twn-s2","dir":"/s/mlp-twn-s2","state":"pending","epoch":0,"epochs":3,
              "reason":null,"slurm":"PENDING"}]}
            """;

    @Test
    void readsEveryRunAndItsState() {
        SweepStatus s = SweepStatus.parse(RUNNING);
        assertEquals("42", s.job());
        assertEquals(4, s.runs().size());
        SweepStatus.Run running = s.runs().get(1);
        assertEquals("mlp-ring-triangle4-s2", running.name());
        assertEquals(2, running.epoch());
        assertEquals("running · epoch 2/3 · slurm RUNNING", running.describe());
        assertNull(s.runs().get(2).slurm());
        assertEquals("failed · data: no such folder /nope", s.runs().get(2).describe());
        assertFalse(s.ended());
        assertEquals("4 runs of job 42: 1 finished, 1 running, 1 pending, 1 failed", s.summary());
    }

    @Test
    void endsWhenEveryRunEnded() {
        String ended = RUNNING.replace("\"state\":\"running\"", "\"state\":\"finished\"")
                .replace("\"state\":\"pending\"", "\"state\":\"cancelled\"");
        assertTrue(SweepStatus.parse(ended).ended());
        assertFalse(SweepStatus.parse("{\"job\":\"1\",\"runs\":[]}").ended(), "no runs yet is not the end");
        assertFalse(SweepStatus.parse(RUNNING.replace("\"state\":\"pending\"", "\"state\":\"requeued\"")).ended());
    }

    @Test
    void somethingElseIsOneClearLine() {
        var notJson = assertThrows(SshException.class, () -> SweepStatus.parse("ringlab: command not found\n"));
        assertEquals("sweep status: not JSON (ringlab: command not found)", notJson.getMessage());
        var noRuns = assertThrows(SshException.class, () -> SweepStatus.parse("{\"job\":\"1\"}"));
        assertEquals("sweep status: no \"runs\" list in the answer ({\"job\":\"1\"})", noRuns.getMessage());
        assertThrows(SshException.class, () -> SweepStatus.parse("{\"runs\":[{\"index\":0}]}"));
    }
}
