package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.remote.v1.ResumeRunRequest;
import org.ringlab.remote.v1.RunInfo;
import org.ringlab.remote.v1.TrainingWorkerGrpc;
import org.ringlab.service.RunHandle;
import org.ringlab.store.NoCheckpointException;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoredRun;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;

/**
 * Issue 16's case: a worker ends mid-run, a new one starts on the same workspace and six ResumeRun
 * calls for the run arrive at once. One trains it; the others are refused, and the run's files
 * match the store afterwards.
 */
class ConcurrentResumeTest {
    private static final String TOKEN = "test-token-0123456789";
    /** The worker loads its engine in the first call: on a busy machine its beats may pause for seconds. */
    private static final java.time.Duration SLOW_MACHINE = java.time.Duration.ofSeconds(60);

    @Test
    void aRunWithoutACheckpointRestartsOnlyWhenAskedAndItsOldHistoryIsKept(@TempDir Path workspace) throws Exception {
        WorkerServer worker = WorkerServer.start("127.0.0.1", 0, TOKEN, workspace, null, null);
        try (RemoteTrainingService client = RemoteTrainingService.connect("127.0.0.1", worker.port(), TOKEN, null,
                SLOW_MACHINE)) {
            RunHandle run = client.submit(TinyRuns.tiny().toBuilder().epochs(3).checkpointEvery(1).build());
            TinyRuns.waitFor(() -> run.history().epochs().size() >= 1, "epoch 1");
            run.stop();
            TinyRuns.waitFor(() -> run.status().isTerminal(), "the stop");
            long id = Long.parseLong(run.id());
            List<org.ringlab.train.EpochMetrics> firstAttempt;
            try (RunStore store = RunStore.open(workspace)) {
                firstAttempt = store.load(id).epochs();
                Files.delete(store.resumeCheckpoint(id));
            }
            assertTrue(!firstAttempt.isEmpty() && firstAttempt.size() < 3, firstAttempt.toString());

            // over the wire the refusal keeps its kind, so that a window can ask the user
            NoCheckpointException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    NoCheckpointException.class, () -> client.resume(run.id()));
            assertTrue(refused.getMessage().startsWith("run " + id + " has no checkpoint to resume from"),
                    refused.getMessage());

            RunHandle restarted = client.resume(run.id(), true);
            TinyRuns.waitFor(() -> restarted.status().isTerminal(), "the restarted run to end");
            assertEquals(RunStatus.FINISHED, restarted.status(), restarted.statusMessage());
            try (RunStore store = RunStore.open(workspace)) {
                TinyRuns.waitFor(() -> store.status(id).isTerminal(), "the store to record the end");
                StoredRun done = store.load(id);
                assertEquals(List.of(1, 2, 3), done.epochs().stream().map(e -> e.epoch()).toList());
                assertEquals(1, done.steps().get(0).step());
                assertEquals(firstAttempt, store.supersededAttempts(id).get(0).epochs(), "the first attempt is kept");
            }
        } finally {
            worker.close();
        }
        try (RunStore store = RunStore.open(workspace)) {
            StoredRun done = store.listRuns().stream().findFirst().map(r -> store.load(r.id())).orElseThrow();
            Path dir = store.runDirectory(done.id());
            assertEquals(1 + 3, Files.readAllLines(dir.resolve(RunRecorder.METRICS)).size(),
                    "the folder's files hold the new attempt");
            assertEquals(done.snapshots().size(), Files.readAllLines(dir.resolve(RunRecorder.SNAPSHOTS)).stream()
                    .filter(l -> !l.isBlank()).count());
        }
    }

    @Test
    void ofSixResumeRunCallsAtOnceOneTrainsAndTheOthersAreRefused(@TempDir Path workspace) throws Exception {
        String id;
        WorkerServer first = WorkerServer.start("127.0.0.1", 0, TOKEN, workspace, null, null);
        try (RemoteTrainingService client = RemoteTrainingService.connect("127.0.0.1", first.port(), TOKEN, null,
                SLOW_MACHINE)) {
            RunHandle run = client.submit(TinyRuns.tiny().toBuilder().epochs(4).checkpointEvery(1).build());
            id = run.id();
            TinyRuns.waitFor(() -> run.history().epochs().size() >= 1, "epoch 1");
        } finally {
            first.close(); // the worker goes away mid-run: the run ends stopped, resumable from its checkpoint
        }
        int epochsBefore;
        try (RunStore store = RunStore.open(workspace)) {
            StoredRun stopped = store.load(Long.parseLong(id));
            epochsBefore = stopped.epochs().size();
            assertTrue(epochsBefore >= 1 && epochsBefore < 4, "stopped mid-run: " + stopped.status() + " after "
                    + epochsBefore + " epochs");
        }

        WorkerServer second = WorkerServer.start("127.0.0.1", 0, TOKEN, workspace, null, null);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", second.port()).usePlaintext()
                .intercept(new BearerToken(TOKEN)).build();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RunInfo>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(callers.submit(() -> {
                    go.await();
                    return TrainingWorkerGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
                            .resumeRun(ResumeRunRequest.newBuilder().setRunId(id).build());
                }));
            }
            go.countDown();
            int accepted = 0;
            int busy = 0;
            List<String> refusals = new ArrayList<>();
            for (Future<RunInfo> call : calls) {
                try {
                    assertEquals(id, call.get().getId());
                    accepted++;
                } catch (java.util.concurrent.ExecutionException e) {
                    StatusRuntimeException refused = (StatusRuntimeException) e.getCause();
                    Status.Code code = refused.getStatus().getCode();
                    if (code == Status.Code.RESOURCE_EXHAUSTED) {
                        // the worker reads files for at most 4 calls at once and turns the rest away at
                        // the door, before any of them reaches the run: refused too, for another reason
                        busy++;
                        continue;
                    }
                    assertEquals(Status.Code.FAILED_PRECONDITION, code, String.valueOf(refused.getStatus()));
                    refusals.add(refused.getStatus().getDescription());
                }
            }
            assertEquals(1, accepted, "exactly one resume trains; refused: " + refusals + ", " + busy + " busy");
            assertEquals(5, refusals.size() + busy);
            assertFalse(refusals.isEmpty(), "calls that reached the run were refused by its lock");
            for (String refusal : refusals) {
                // refused by the store's claim, or, once the accepted resume is queued in this worker,
                // by the run's own state
                assertTrue(refusal.startsWith("run " + id + " is already being trained by process ")
                        || refusal.startsWith("run " + id + " is pending; only an ended run can be resumed")
                        || refusal.startsWith("run " + id + " is running; only an ended run can be resumed"), refusal);
            }
            System.out.println("refused: " + refusals.get(0) + " (" + busy + " more turned away as busy)");

            try (RunStore store = RunStore.open(workspace)) {
                long storeId = Long.parseLong(id);
                TinyRuns.waitFor(() -> store.status(storeId).isTerminal(), "the resumed run to end");
            }
        } finally {
            callers.shutdownNow();
            channel.shutdownNow();
            second.close(); // waits for the training thread to write its last files
        }

        try (RunStore store = RunStore.open(workspace)) {
            StoredRun done = store.load(Long.parseLong(id));
            assertEquals(RunStatus.FINISHED, done.status(), done.statusMessage());
            assertEquals(List.of(1, 2, 3, 4), done.epochs().stream().map(e -> e.epoch()).toList());
            assertEquals(20, done.totalSteps(), "every step once: 4 epochs of 5 steps");
            Path dir = store.runDirectory(done.id());
            List<String> metrics = Files.readAllLines(dir.resolve(RunRecorder.METRICS));
            assertEquals(1 + 4, metrics.size(), "a header and every epoch: " + metrics);
            long snapshots = Files.readAllLines(dir.resolve(RunRecorder.SNAPSHOTS)).stream()
                    .filter(l -> !l.isBlank()).count();
            assertEquals(done.snapshots().size(), snapshots, "snapshots.jsonl holds what the store holds");
        }
    }
}
