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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.remote.v1.ControlRequest;
import org.ringlab.remote.v1.ResumeRunRequest;
import org.ringlab.remote.v1.RunInfo;
import org.ringlab.remote.v1.SubmitRequest;
import org.ringlab.remote.v1.TrainingWorkerGrpc;
import org.ringlab.store.RunStore;

/** A client may name data only inside the worker's data roots, and no error shows it what the worker's folders hold. */
class WorkerDataRootsTest {
    private static final String OUTSIDE = "data folder is outside the worker's data roots";

    @TempDir
    Path workspace;

    @TempDir
    Path elsewhere;

    private WorkerServer server;
    private ManagedChannel channel;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    private TrainingWorkerGrpc.TrainingWorkerBlockingStub stub() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        return TrainingWorkerGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private static SubmitRequest submitting(String data) {
        RunConfig config = TinyRuns.tiny().toBuilder().data(data).build();
        return SubmitRequest.newBuilder().setConfigJson(RunConfigJson.toJson(config)).build();
    }

    private static String refusal(TrainingWorkerGrpc.TrainingWorkerBlockingStub stub, String data) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.submit(submitting(data)),
                data);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), data + ": " + e.getStatus());
        return e.getStatus().getDescription();
    }

    private static List<String> entries(Path dir) throws Exception {
        List<String> names = new ArrayList<>();
        if (Files.isReadable(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.map(p -> p.getFileName().toString()).filter(n -> n.length() >= 5).forEach(names::add);
            }
        }
        return names;
    }

    @Test
    void foldersOutsideTheRootsAreRefusedWithoutNamingWhatIsInThem() throws Exception {
        Files.writeString(elsewhere.resolve("secret-entry-one.txt"), "top secret");
        Files.createDirectory(elsewhere.resolve("secret-folder-two"));
        // the default roots: the sample-data of the working directory
        server = WorkerServer.start("127.0.0.1", 0, null, workspace, null, null);
        TrainingWorkerGrpc.TrainingWorkerBlockingStub stub = stub();
        for (String data : List.of("/root", "/etc", "/proc/self", "../../", elsewhere.toString(),
                elsewhere.resolve("no-such-folder").toString(), "/no/such/folder/anywhere")) {
            String description = refusal(stub, data);
            assertTrue(description.contains(OUTSIDE), data + ": " + description);
            assertFalse(description.contains("found"), data + ": " + description);
            List<String> shown = new ArrayList<>(List.of("secret-entry-one", "secret-folder-two", "top secret"));
            if (!data.startsWith("/no")) {
                shown.addAll(entries(Path.of(data)));
            }
            for (String name : shown) {
                assertFalse(description.contains(name), data + ": '" + name + "' shown in: " + description);
            }
        }
    }

    @Test
    void symlinksAndDotDotCannotLeaveARoot() throws Exception {
        Path root = Files.createDirectory(workspace.resolve("data-root"));
        Files.writeString(elsewhere.resolve("secret-entry-one.txt"), "top secret");
        Files.createSymbolicLink(root.resolve("escape"), elsewhere);
        server = WorkerServer.start("127.0.0.1", 0, null, workspace, null, null, DataRoots.of(List.of(root)));
        TrainingWorkerGrpc.TrainingWorkerBlockingStub stub = stub();
        for (String data : List.of(root.resolve("escape").toString(), root.resolve("escape/sub").toString(),
                root + "/../" + elsewhere.getFileName(), root + "/../../../../etc")) {
            String description = refusal(stub, data);
            assertTrue(description.contains(OUTSIDE), data + ": " + description);
            assertFalse(description.contains("secret-entry"), description);
        }
        // inside a root, a missing folder may be called missing
        assertTrue(refusal(stub, root.resolve("missing").toString()).contains("folder does not exist"));
    }

    @Test
    void aFolderInsideARootThatHoldsNoDataSetIsNotListedToTheClientButToTheLog() throws Exception {
        Path root = Files.createDirectory(workspace.resolve("data-root"));
        Path junk = Files.createDirectory(root.resolve("junk"));
        Files.writeString(junk.resolve("junk-entry-alpha.bin"), "junk contents");
        Files.writeString(junk.resolve("train-images-idx3-ubyte"), "not an IDX file at all");
        server = WorkerServer.start("127.0.0.1", 0, null, workspace, null, null, DataRoots.of(List.of(root)),
                new WorkerServer.Tuning(WorkerServer.Tuning.DEFAULT.diskDeadline(), RunEventLog.Window.DEFAULT,
                        log::add));
        String description = refusal(stub(), junk.toString());
        assertTrue(description.contains(DataGate.NOT_READABLE), description);
        for (String leak : List.of("junk-entry-alpha", "junk contents", "not an IDX", "labels-idx1")) {
            assertFalse(description.contains(leak), "'" + leak + "' shown in: " + description);
        }
        // the worker's operator learns what is wrong
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("train-images-idx3-ubyte"), log.get(0));
    }

    @Test
    void dataInsideARootIsUsedAtItsRealPath() throws Exception {
        Path sampleData = Path.of(TinyRuns.tiny().data()).toRealPath();
        Path link = Files.createSymbolicLink(elsewhere.resolve("mnist-link"), sampleData);
        server = WorkerServer.start("127.0.0.1", 0, null, workspace, null, null, DataRoots.of(List.of(sampleData)));
        TrainingWorkerGrpc.TrainingWorkerBlockingStub stub = stub();
        RunInfo run = stub.submit(submitting(link.toString()));
        stub.control(ControlRequest.newBuilder().setRunId(run.getId()).setAction(ControlRequest.Action.STOP).build());
        assertEquals(sampleData.toString(), RunConfigJson.fromJson(run.getConfigJson()).data());
    }

    @Test
    void aStoredRunWhoseDataIsOutsideTheRootsIsNotResumed() throws Exception {
        Files.writeString(elsewhere.resolve("secret-entry-one.txt"), "top secret");
        long id;
        try (RunStore store = RunStore.open(workspace)) {
            id = store.createRun(TinyRuns.tiny().toBuilder().data(elsewhere.toString()).build(), null, "cpu");
        }
        server = WorkerServer.start("127.0.0.1", 0, null, workspace, null, null,
                DataRoots.of(List.of(Files.createDirectory(workspace.resolve("data-root")))));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> stub().resumeRun(ResumeRunRequest.newBuilder().setRunId(Long.toString(id)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
        assertTrue(e.getStatus().getDescription().contains(OUTSIDE), e.getStatus().getDescription());
        assertFalse(e.getStatus().getDescription().contains("secret-entry"), e.getStatus().getDescription());
        assertFalse(e.getStatus().getDescription().contains(elsewhere.toString()), "the stored path is not shown");
    }

    @Test
    void aRootThatIsNotAFolderIsRefusedAtStartup() {
        WorkerException e = assertThrows(WorkerException.class,
                () -> DataRoots.of(List.of(workspace.resolve("missing"))));
        assertTrue(e.getMessage().contains("--data-root") && e.getMessage().contains("missing"), e.getMessage());
    }
}
