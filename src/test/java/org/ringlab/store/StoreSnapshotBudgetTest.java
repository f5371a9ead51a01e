package org.ringlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;

/** {@code snapshot-every 1} cannot grow the store without limit: a run's snapshots keep to a budget. */
class StoreSnapshotBudgetTest {

    @Test
    void aRunsSnapshotsAreThinnedToTheBudgetAndStillSpanTheRun(@TempDir Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            long id = store.createRun(RunStoreTest.CONFIG, "snapshot every step", "cpu");
            long other = store.createRun(RunStoreTest.CONFIG, "other", "cpu");
            int one = SnapshotCodec.encode(RunStoreTest.snapshot(1, 1)).length;
            long budget = 40L * one; // about 40 snapshots
            try (StoreRecorder r = store.recorder(other)) {
                for (int step = 0; step <= 100; step++) {
                    r.onSnapshot(RunStoreTest.snapshot(step, 1));
                }
            }
            try (StoreRecorder r = store.recorder(id).snapshotBudget(budget)) {
                r.onStatus(RunStatus.RUNNING, "training");
                for (int step = 0; step <= 1000; step++) {
                    r.onSnapshot(RunStoreTest.snapshot(step, 1 + step / 100));
                    if (step % 7 == 0) {
                        r.flush();
                    }
                }
            }
            assertTrue(storedBytes(store, id) <= budget, storedBytes(store, id) + " > " + budget);
            List<PositionSnapshot> kept = store.load(id).snapshots();
            System.out.println(kept.size() + " of 1001 snapshots kept, " + storedBytes(store, id) + " bytes");
            assertTrue(kept.size() >= 10 && kept.size() <= 40, "kept " + kept.size());
            assertEquals(0, kept.get(0).step(), "the first stays");
            assertTrue(kept.get(kept.size() - 1).step() > 900, "and it reaches the end: " + kept.get(kept.size() - 1));
            // evenly spread: no gap is more than a few times the mean
            int maxGap = 0;
            for (int i = 1; i < kept.size(); i++) {
                maxGap = Math.max(maxGap, kept.get(i).step() - kept.get(i - 1).step());
            }
            assertTrue(maxGap <= 4 * 1000 / (kept.size() - 1), "gap " + maxGap);
            assertTrue(store.load(id).info().stream().anyMatch(l -> l.contains("reached the store's budget")),
                    store.load(id).info().toString());
            assertEquals(101, store.load(other).snapshots().size(), "another run is not touched");
            assertEquals("ok", store.integrityCheck());
        }
    }

    private static long storedBytes(RunStore store, long id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT SUM(LENGTH(data)) FROM snapshots WHERE run_id = " + id)) {
            return r.getLong(1);
        }
    }
}
