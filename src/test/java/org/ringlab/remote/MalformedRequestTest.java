package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.remote.v1.ListQueueRequest;
import org.ringlab.remote.v1.TrainingWorkerGrpc;

/**
 * Bytes that are no protobuf message, sent by an authenticated client straight through HTTP/2:
 * INVALID_ARGUMENT for each, a few log lines in all, and no stack trace from gRPC.
 */
class MalformedRequestTest {
    private static final String TOKEN = "test-token-0123456789";

    @TempDir
    Path workspace;

    private final List<String> workerLog = new CopyOnWriteArrayList<>();
    private final List<LogRecord> grpcLog = new CopyOnWriteArrayList<>();
    private final Handler grpcHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            grpcLog.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private WorkerServer server;
    private ManagedChannel channel;

    @BeforeEach
    void start() {
        Logger.getLogger("io.grpc").addHandler(grpcHandler);
        server = WorkerServer.start("127.0.0.1", 0, TOKEN, workspace, null, null, DataRoots.defaults(),
                new WorkerServer.Tuning(WorkerServer.Tuning.DEFAULT.diskDeadline(), RunEventLog.Window.DEFAULT,
                        workerLog::add));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .intercept(new BearerToken(TOKEN)).build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.close();
        Logger.getLogger("io.grpc").removeHandler(grpcHandler);
    }

    /** The worker's Submit method, but sending whatever bytes the test gives. */
    private static MethodDescriptor<byte[], byte[]> raw(String method) {
        MethodDescriptor.Marshaller<byte[]> bytes = new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(byte[] value) {
                return new ByteArrayInputStream(value);
            }

            @Override
            public byte[] parse(InputStream stream) {
                try {
                    return stream.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(TrainingWorkerGrpc.SERVICE_NAME, method))
                .setRequestMarshaller(bytes).setResponseMarshaller(bytes).build();
    }

    private Status send(String method, byte[] body) throws Exception {
        ClientCall<byte[], byte[]> call = channel.newCall(raw(method),
                CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS));
        CompletableFuture<Status> closed = new CompletableFuture<>();
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, new Metadata());
        call.request(1);
        call.sendMessage(body);
        call.halfClose();
        return closed.get(30, TimeUnit.SECONDS);
    }

    @Test
    void eachMalformedRequestGetsInvalidArgumentAndTheLogStaysShort() throws Exception {
        // a truncated length-delimited field, an invalid wire type, a varint that never ends
        List<byte[]> garbage = List.of(new byte[] {0x0A, (byte) 0xFF}, new byte[] {0x0F, 0x01},
                new byte[] {0x08, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                    (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        List<String> methods = List.of("Submit", "Control", "ResumeRun");
        List<Status> statuses = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            statuses.add(send(methods.get(i % methods.size()), garbage.get(i % garbage.size())));
        }
        for (Status s : statuses) {
            assertEquals(Status.Code.INVALID_ARGUMENT, s.getCode(), s.toString());
            assertTrue(s.getDescription().contains("not a valid protobuf message"), s.getDescription());
        }
        assertTrue(workerLog.size() <= WorkerServer.MALFORMED_LINES_PER_MINUTE, workerLog.size() + " lines: "
                + workerLog);
        assertTrue(workerLog.get(0).contains("malformed") && workerLog.get(0).contains("refused"), workerLog.get(0));
        assertTrue(workerLog.stream().noneMatch(l -> l.contains("\n")), workerLog.toString());
        List<LogRecord> loud = grpcLog.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertTrue(loud.isEmpty(), loud.size() + " warnings from gRPC, the first: "
                + (loud.isEmpty() ? "" : loud.get(0).getMessage() + " " + loud.get(0).getThrown()));

        // well-formed calls on the same connection still work
        assertEquals(0, TrainingWorkerGrpc.newBlockingStub(channel).listQueue(ListQueueRequest.getDefaultInstance())
                .getRunIdsCount());
    }
}
