package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfigJson;
import org.ringlab.remote.v1.SubmitRequest;
import org.ringlab.remote.v1.TrainingWorkerGrpc;

/** Any client of a worker gets a run the worker's machine cannot hold refused, not the worker killed. */
class WorkerMachineLimitsTest {
    private static final String TOKEN = "test-token-0123456789";

    @TempDir
    Path workspace;

    @Test
    void aRunTooLargeForTheWorkersMemoryOrCoresIsRefusedAsInvalidArgument() {
        WorkerServer server = WorkerServer.start("127.0.0.1", 0, TOKEN, workspace, null, null);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .intercept(new BearerToken(TOKEN)).build();
        try {
            TrainingWorkerGrpc.TrainingWorkerBlockingStub stub = TrainingWorkerGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(60, TimeUnit.SECONDS);
            String huge = RunConfigJson.toJson(TinyRuns.tiny().toBuilder().model(ModelKind.RESNET44).batchSize(65536)
                    .limitTrain(0).limitTest(0).build());
            StatusRuntimeException memory = assertThrows(StatusRuntimeException.class,
                    () -> stub.submit(SubmitRequest.newBuilder().setConfigJson(huge).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, memory.getStatus().getCode());
            assertTrue(memory.getStatus().getDescription().contains("batch-size 65536: the run needs about "),
                    memory.getStatus().getDescription());

            String threads = RunConfigJson.toJson(TinyRuns.tiny().toBuilder().threads(1_000_000_000).build());
            StatusRuntimeException many = assertThrows(StatusRuntimeException.class,
                    () -> stub.submit(SubmitRequest.newBuilder().setConfigJson(threads).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, many.getStatus().getCode());
            assertTrue(many.getStatus().getDescription().contains("threads 1000000000: more than 4 per core"),
                    many.getStatus().getDescription());
        } finally {
            channel.shutdownNow();
            server.close();
        }
    }
}
