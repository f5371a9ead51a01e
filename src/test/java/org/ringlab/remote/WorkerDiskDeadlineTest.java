package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfigJson;
import org.ringlab.remote.v1.ListQueueRequest;
import org.ringlab.remote.v1.ListRunsRequest;
import org.ringlab.remote.v1.SubmitRequest;
import org.ringlab.remote.v1.TrainingWorkerGrpc;

/** A FIFO where a data file should be costs a Submit a bounded wait, and the worker keeps serving. */
class WorkerDiskDeadlineTest {
    @TempDir
    Path root;

    @TempDir
    Path workspace;

    private WorkerServer server;
    private ManagedChannel channel;
    private Path fifo;

    @AfterEach
    void stop() throws Exception {
        if (fifo != null) {
            // a writer that comes and goes lets every reader blocked on the FIFO see its end
            new RandomAccessFile(fifo.toFile(), "rw").close();
        }
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSubmitWhoseDataBlocksWhenReadEndsWithinTheDeadline() throws Exception {
        Path data = Files.createDirectory(root.resolve("blocking"));
        Path sample = Path.of(TinyRuns.tiny().data());
        for (String name : List.of("train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz")) {
            Files.copy(sample.resolve(name), data.resolve(name));
        }
        fifo = data.resolve("train-images-idx3-ubyte");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            fifo = null;
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        List<String> log = new CopyOnWriteArrayList<>();
        server = WorkerServer.start("127.0.0.1", 0, null, workspace, null, null, DataRoots.of(List.of(root)),
                new WorkerServer.Tuning(Duration.ofSeconds(1), RunEventLog.Window.DEFAULT, log::add));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        TrainingWorkerGrpc.TrainingWorkerBlockingStub stub = TrainingWorkerGrpc.newBlockingStub(channel);
        SubmitRequest request = SubmitRequest.newBuilder()
                .setConfigJson(RunConfigJson.toJson(TinyRuns.tiny().toBuilder().data(data.toString()).build())).build();

        long start = System.nanoTime();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> stub.withDeadlineAfter(20, TimeUnit.SECONDS).submit(request));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        // the worker gives up at its deadline (or, where readers refuse non-regular files, at once)
        assertTrue(seconds < 10, "the Submit took " + seconds + " s: " + e.getStatus());
        assertTrue(Set.of(Status.Code.DEADLINE_EXCEEDED, Status.Code.INVALID_ARGUMENT).contains(e.getStatus().getCode()),
                e.getStatus().toString());
        assertFalse(e.getStatus().getDescription().contains("found"), e.getStatus().getDescription());
        // nothing was queued, and the worker still answers
        assertEquals(0, stub.withDeadlineAfter(5, TimeUnit.SECONDS).listQueue(ListQueueRequest.getDefaultInstance())
                .getRunIdsCount());
        assertEquals(0, stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                .listRuns(ListRunsRequest.getDefaultInstance()).getRunsCount());
    }
}
