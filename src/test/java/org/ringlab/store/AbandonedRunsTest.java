package org.ringlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.runstate.Owner;
import org.ringlab.train.RunStatus;

/**
 * A run whose recording process was SIGKILLed reads as interrupted from every query of the store,
 * at once: `ringlab runs` without --mark-interrupted, the workbench's past runs (load) and a
 * resume's status check, not only after markAbandonedRunsInterrupted has written it.
 */
class AbandonedRunsTest {

    @Test
    void aRunLeftRunningByAKilledProcessReadsAsInterrupted(@TempDir Path ws) throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        String owner = child.pid() + "@" + Owner.current().split("@", 3)[1] + "@"
                + child.info().startInstant().map(Instant::toString).orElse("");
        try (RunStore store = RunStore.open(ws)) {
            long id = store.createRun(RunConfig.defaults(), "killed", "cpu()");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
                    PreparedStatement s = c.prepareStatement("UPDATE runs SET status = 'running', owner = ? WHERE id = ?")) {
                s.setString(1, owner);
                s.setLong(2, id);
                s.executeUpdate();
            }
            assertEquals(RunStatus.RUNNING, store.status(id), "its owner is alive");

            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));

            assertEquals(RunStatus.INTERRUPTED, store.status(id));
            assertEquals(RunStatus.INTERRUPTED, store.listRuns().get(0).status());
            assertTrue(store.listRuns().get(0).statusMessage().contains("ended without finishing"),
                    store.listRuns().get(0).statusMessage());
            assertEquals(RunStatus.INTERRUPTED, store.load(id).status());
            assertTrue(store.load(id).statusMessage().contains("resumable"), store.load(id).statusMessage());
        }
        try (RunStore reopened = RunStore.open(ws)) {
            assertEquals(RunStatus.INTERRUPTED, reopened.listRuns().get(0).status());
        }
    }
}
