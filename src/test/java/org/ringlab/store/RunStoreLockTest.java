package org.ringlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunStatus;

/** One run, one trainer: the store's claim on a run, between threads and between processes. */
class RunStoreLockTest {

    @Test
    void ofSixThreadsClaimingOneRunAtOnceExactlyOneGetsIt(@TempDir Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            long id = store.createRun(RunStoreTest.CONFIG, "contested", "cpu");
            long other = store.createRun(RunStoreTest.CONFIG, "other", "cpu");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<RunLock>> claims = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    Callable<RunLock> claim = () -> {
                        go.await();
                        return store.lock(id);
                    };
                    claims.add(pool.submit(claim));
                }
                go.countDown();
                List<RunLock> won = new ArrayList<>();
                List<String> refusals = new ArrayList<>();
                for (Future<RunLock> f : claims) {
                    try {
                        won.add(f.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertTrue(e.getCause() instanceof RunBusyException, String.valueOf(e.getCause()));
                        refusals.add(e.getCause().getMessage());
                    }
                }
                assertEquals(1, won.size(), "one claim wins");
                assertEquals(5, refusals.size());
                long pid = ProcessHandle.current().pid();
                assertTrue(refusals.get(0).startsWith("run " + id + " is already being trained by process " + pid),
                        refusals.get(0));
                System.out.println(refusals.get(0));

                // another run is free; the claimed run is free again once released
                store.lock(other).close();
                assertThrows(RunBusyException.class, () -> new StoredTraining(store).resume(id, null, new RunControl()));
                won.get(0).close();
                store.lock(id).close();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aRunClaimedByAnotherLiveProcessIsRefusedAndADeadOnesClaimIsBroken(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("ws");
        long id;
        try (RunStore store = RunStore.open(ws)) {
            id = store.createRun(RunStoreTest.CONFIG, "claimed", "cpu");
            try (StoreRecorder r = store.recorder(id)) {
                RunStoreTest.record(r, 1);
            }
            store.markInterrupted(id, "its worker was lost");
        }
        Path log = dir.resolve("child.log");
        Process child = ChildProcess.start(ws, "lock", log, Long.toString(id));
        try {
            ChildProcess.await(child, log, 60, "the child claimed the run",
                    () -> read(log).contains("locked " + id));
            try (RunStore store = RunStore.open(ws)) {
                String expected = "run " + id + " is already being trained by process " + child.pid() + ";";
                RunBusyException claim = assertThrows(RunBusyException.class, () -> store.lock(id));
                assertTrue(claim.getMessage().startsWith(expected), claim.getMessage());
                // a resume here neither trains nor touches the run's history
                StoredRun before = store.load(id);
                RunBusyException resume = assertThrows(RunBusyException.class,
                        () -> new StoredTraining(store).fromScratch(true).resume(id, null, new RunControl()));
                assertTrue(resume.getMessage().startsWith(expected), resume.getMessage());
                assertThrows(RunBusyException.class, () -> store.prepareResume(id, true));
                StoredRun after = store.load(id);
                assertEquals(before.epochs(), after.epochs());
                assertEquals(before.totalSteps(), after.totalSteps());
                assertEquals(RunStatus.INTERRUPTED, after.status());
                assertEquals(List.of(), store.supersededAttempts(id));

                ChildProcess.killHard(child);
                // its process is gone: the claim it left is broken by the next one to ask
                try (RunLock lock = store.lock(id)) {
                    assertEquals(id, lock.runId());
                    assertThrows(RunBusyException.class, () -> store.lock(id), "now this process holds it");
                }
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
