package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.remote.v1.ControlRequest;
import org.ringlab.remote.v1.DescribeRequest;
import org.ringlab.remote.v1.SubmitRequest;
import org.ringlab.remote.v1.TrainingWorkerGrpc;
import org.ringlab.remote.v1.WatchRequest;
import org.ringlab.service.RunHandle;
import org.ringlab.service.WorkerInfo;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/** A worker served on a loopback port of this JVM, driven through the client and through raw stubs. */
class RemoteTrainingServiceTest {
    private static final String TOKEN = "test-token-0123456789";

    @TempDir
    Path workspace;

    private WorkerServer server;
    private ManagedChannel raw;

    @BeforeEach
    void startWorker() {
        server = WorkerServer.start("127.0.0.1", 0, TOKEN, workspace, null, null);
    }

    @AfterEach
    void stopWorker() {
        if (raw != null) {
            raw.shutdownNow();
        }
        server.close();
    }

    private RemoteTrainingService client() {
        return RemoteTrainingService.connect("127.0.0.1", server.port(), TOKEN, null);
    }

    /** A stub that sends {@code token} (null: none) and nothing else RingLab's client would add. */
    private TrainingWorkerGrpc.TrainingWorkerBlockingStub stub(String token) {
        NettyChannelBuilder b = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext();
        if (token != null) {
            b.intercept(new BearerToken(token));
        }
        raw = b.build();
        return TrainingWorkerGrpc.newBlockingStub(raw).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Test
    void aRunStreamsEveryEventAndALateClientGetsThemReplayed() throws Exception {
        try (RemoteTrainingService client = client()) {
            WorkerInfo info = client.describe();
            assertEquals(ApiVersion.CURRENT, info.apiVersion());
            assertFalse(info.devices().isEmpty());
            assertTrue(info.location().contains(String.valueOf(server.port())), info.location());

            RunHandle run = client.submit(TinyRuns.tiny());
            List<RunStatus> statuses = new CopyOnWriteArrayList<>();
            run.addListener(new TrainingListener() {
                @Override
                public void onStatus(RunStatus status, String message) {
                    statuses.add(status);
                }
            });
            TinyRuns.waitFor(() -> run.status().isTerminal(), "the run to end");
            assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
            assertTrue(statuses.contains(RunStatus.FINISHED), statuses.toString());
            assertEquals(10, run.history().steps().size(), "640 images / 128 × 2 epochs");
            assertEquals(2, run.history().epochs().size());
            assertFalse(run.history().info().isEmpty());
            long snapshotLines = Files.readAllLines(run.directory().resolve("snapshots.jsonl")).stream()
                    .filter(l -> !l.isBlank()).count();
            assertTrue(snapshotLines > 0);
            assertEquals(snapshotLines, run.history().snapshots().size(), "every snapshot the worker recorded");
            assertFalse(run.history().snapshots().get(0).layers().isEmpty(), "layers read back from JSON");
            assertTrue(run.name().contains("mlp"), run.name());

            // a client that connects after the run ended sees the same run with its whole history
            try (RemoteTrainingService late = client()) {
                RunHandle replayed = late.runs().get(0);
                assertEquals(run.id(), replayed.id());
                TinyRuns.waitFor(() -> replayed.history().epochs().size() == 2, "the replay");
                assertEquals(RunStatus.FINISHED, replayed.status());
                assertEquals(run.history().steps(), replayed.history().steps());
                assertEquals(run.history().epochs(), replayed.history().epochs());
                assertEquals(run.history().snapshots().size(), replayed.history().snapshots().size());
                assertEquals(run.history().snapshots().get(0).layers().get(0).layer(),
                        replayed.history().snapshots().get(0).layers().get(0).layer());
            }
        }
    }

    @Test
    void callsWithoutTheRightTokenAreRefusedAndTheWorkerKeepsServing() {
        StatusRuntimeException none = assertThrows(StatusRuntimeException.class,
                () -> stub(null).describe(DescribeRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, none.getStatus().getCode());
        assertTrue(none.getStatus().getDescription().contains("no token"), none.getStatus().getDescription());
        raw.shutdownNow();

        WorkerException wrong = assertThrows(WorkerException.class,
                () -> RemoteTrainingService.connect("127.0.0.1", server.port(), "wrong-token", null));
        assertTrue(wrong.getMessage().contains("wrong token"), wrong.getMessage());

        try (RemoteTrainingService client = client()) {
            assertTrue(client.workerAlive());
            assertEquals(ApiVersion.CURRENT, client.describe().apiVersion());
        }
    }

    @Test
    void malformedRequestsFailAloneWithTheRightStatus() {
        TrainingWorkerGrpc.TrainingWorkerBlockingStub stub = stub(TOKEN);
        StatusRuntimeException json = assertThrows(StatusRuntimeException.class,
                () -> stub.submit(SubmitRequest.newBuilder().setConfigJson("{\"model\": ").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, json.getStatus().getCode());
        assertTrue(json.getStatus().getDescription().contains("malformed JSON"), json.getStatus().getDescription());

        StatusRuntimeException key = assertThrows(StatusRuntimeException.class,
                () -> stub.submit(SubmitRequest.newBuilder().setConfigJson("{\"modle\": \"mlp\"}").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, key.getStatus().getCode());
        assertTrue(key.getStatus().getDescription().contains("did you mean 'model'"),
                key.getStatus().getDescription());

        StatusRuntimeException unknownRun = assertThrows(StatusRuntimeException.class, () -> stub.control(
                ControlRequest.newBuilder().setRunId("no-such-run").setAction(ControlRequest.Action.STOP).build()));
        assertEquals(Status.Code.NOT_FOUND, unknownRun.getStatus().getCode());
        assertTrue(unknownRun.getStatus().getDescription().contains("no-such-run"));

        StatusRuntimeException watchUnknown = assertThrows(StatusRuntimeException.class,
                () -> stub.watch(WatchRequest.newBuilder().setRunId("no-such-run").build()).hasNext());
        assertEquals(Status.Code.NOT_FOUND, watchUnknown.getStatus().getCode());

        StatusRuntimeException empty = assertThrows(StatusRuntimeException.class,
                () -> stub.control(ControlRequest.newBuilder().setAction(ControlRequest.Action.STOP).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, empty.getStatus().getCode());
        assertTrue(empty.getStatus().getDescription().contains("run_id is empty"));

        try (RemoteTrainingService client = client()) {
            RunHandle run = client.submit(TinyRuns.endless());
            StatusRuntimeException badEnum = assertThrows(StatusRuntimeException.class, () -> stub.control(
                    ControlRequest.newBuilder().setRunId(run.id()).setActionValue(99).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, badEnum.getStatus().getCode());
            assertTrue(badEnum.getStatus().getDescription().contains("unknown control action 99"),
                    badEnum.getStatus().getDescription());

            // a configuration that parses but is invalid: every violation, as in process
            InvalidConfigException invalid = assertThrows(InvalidConfigException.class,
                    () -> client.submit(TinyRuns.tiny().toBuilder().ringSize(1).lr(-1).build()));
            assertTrue(invalid.problems().size() >= 2, invalid.problems().toString());
            assertTrue(invalid.getMessage().contains("ring-size") && invalid.getMessage().contains("lr"),
                    invalid.getMessage());

            IllegalStateException resume = assertThrows(IllegalStateException.class, () -> client.resume(run.id()));
            assertTrue(resume.getMessage().contains("only an ended run can be resumed"), resume.getMessage());
            assertThrows(NoSuchElementException.class, () -> client.resume("no-such-run"));

            // and the worker still serves
            assertTrue(client.workerAlive());
            assertEquals(1, client.runs().size());
            run.stop();
        }
    }

    @Test
    void aNonLoopbackAddressWithoutATokenIsRefusedAtStartup() {
        WorkerException e = assertThrows(WorkerException.class,
                () -> WorkerServer.start("0.0.0.0", 0, null, workspace, null, null));
        assertTrue(e.getMessage().contains("without a token") && e.getMessage().contains("--token-file"),
                e.getMessage());
    }

    @Test
    void theQueueIsListedReorderedAndCancelledOverTheWire() throws Exception {
        try (RemoteTrainingService client = client()) {
            org.ringlab.service.QueueChecks.exercise(client);
        }
    }
}
