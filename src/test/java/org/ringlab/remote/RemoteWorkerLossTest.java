package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.service.RunHandle;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingListener;

/** A worker this client did not launch: lost abruptly, or only gone quiet. */
class RemoteWorkerLossTest {
    private static final String TOKEN = "loss-test-token";

    @TempDir
    Path workspace;

    @Test
    void anAbortedWorkerInterruptsItsRunsAndAFreshOneIsReachedOnRestart() throws Exception {
        WorkerServer first = WorkerServer.start("127.0.0.1", 0, TOKEN, workspace.resolve("a"), null, null);
        int port = first.port();
        try (RemoteTrainingService client = RemoteTrainingService.connect("127.0.0.1", port, TOKEN, null)) {
            RunHandle run = client.submit(TinyRuns.endless());
            CountDownLatch interrupted = new CountDownLatch(1);
            run.addListener(new TrainingListener() {
                @Override
                public void onStatus(RunStatus status, String message) {
                    if (status == RunStatus.INTERRUPTED) {
                        interrupted.countDown();
                    }
                }
            });
            TinyRuns.waitFor(() -> run.history().steps().size() >= 3, "some steps");
            long abortedAt = System.nanoTime();
            first.abort();
            assertTrue(interrupted.await(2, TimeUnit.SECONDS), "not interrupted within 2 s");
            System.out.println("remote loss noticed after "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - abortedAt) + " ms: " + run.statusMessage());
            assertTrue(run.statusMessage().startsWith("worker unreachable ("), run.statusMessage());
            assertTrue(run.statusMessage().endsWith("; recorded history kept"), run.statusMessage());
            assertFalse(client.workerAlive());

            try (WorkerServer second = WorkerServer.start("127.0.0.1", port, TOKEN, workspace.resolve("b"),
                    null, null)) {
                client.restartWorker();
                assertTrue(client.workerAlive());
                assertFalse(client.describe().devices().isEmpty());
                assertEquals(RunStatus.INTERRUPTED, run.status(), "the new worker does not know the run");
            }
        } finally {
            first.close();
        }
    }

    @Test
    void aRunOnlyCutOffComesBackWithItsTrueStateAndTheEventsItMissed() throws Exception {
        try (WorkerServer server = WorkerServer.start("127.0.0.1", 0, TOKEN, workspace, null, null);
                RemoteTrainingService client = RemoteTrainingService.connect("127.0.0.1", server.port(), TOKEN,
                        null)) {
            RunHandle run = client.submit(TinyRuns.endless());
            TinyRuns.waitFor(() -> run.history().steps().size() >= 3, "some steps");
            // shorter than the beat: the client gives the (healthy) worker up
            client.silence(Duration.ofMillis(50));
            TinyRuns.waitFor(() -> run.status() == RunStatus.INTERRUPTED, "the silence to be noticed");
            assertTrue(run.statusMessage().contains("no heartbeat"), run.statusMessage());
            int cutAt = run.history().steps().size();
            Thread.sleep(500);

            client.silence(RemoteTrainingService.REMOTE_SILENCE);
            client.restartWorker();
            TinyRuns.waitFor(() -> run.status() == RunStatus.RUNNING, "the true state");
            TinyRuns.waitFor(() -> run.history().steps().size() > cutAt + 3, "more steps");
            List<StepMetrics> steps = run.history().steps();
            for (int i = 0; i < steps.size(); i++) {
                assertEquals(i + 1, steps.get(i).step(), "each step exactly once, none missed");
            }
            run.stop();
            TinyRuns.waitFor(() -> run.status() == RunStatus.STOPPED, "the run to stop");
        }
    }
}
