package org.ringlab.remote;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.File;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.ringlab.remote.v1.DescribeReply;
import org.ringlab.remote.v1.DescribeRequest;
import org.ringlab.remote.v1.HeartbeatRequest;
import org.ringlab.remote.v1.TrainingWorkerGrpc;
import org.ringlab.remote.v1.WorkerBeat;
import org.ringlab.service.WorkerInfo;

/**
 * One connection to one worker (one process of it): the channel, the stubs and the watch on the
 * worker's life. Once dead it stays dead; a restart makes a new connection.
 */
final class WorkerConnection {
    /** The deadline of every call but Describe: the worker answers them from memory. */
    static final long CALL_SECONDS = 30;

    final String where;
    final Process process;
    final ManagedChannel channel;
    final TrainingWorkerGrpc.TrainingWorkerBlockingStub blocking;
    final TrainingWorkerGrpc.TrainingWorkerStub async;
    private volatile WorkerInfo info;
    private volatile boolean dead;
    private volatile long lastBeatNanos = System.nanoTime();

    /**
     * @param tlsTrust the CA (or self-signed certificate) to trust for TLS, or null for plaintext
     */
    WorkerConnection(String host, int port, String token, File tlsTrust, Process process) {
        this.where = host + ":" + port;
        this.process = process;
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(host, port);
        if (tlsTrust == null) {
            builder.usePlaintext();
        } else {
            try {
                builder.sslContext(GrpcSslContexts.forClient().trustManager(tlsTrust).build());
            } catch (SSLException | IllegalArgumentException e) {
                throw new WorkerException("cannot use " + tlsTrust + " as the worker's certificate: "
                        + e.getMessage(), e);
            }
        }
        if (token != null) {
            builder.intercept(new BearerToken(token));
        }
        this.channel = builder.build();
        this.blocking = TrainingWorkerGrpc.newBlockingStub(channel);
        this.async = TrainingWorkerGrpc.newStub(channel);
    }

    /**
     * Asks the worker what it is and checks that it speaks this client's protocol.
     *
     * @throws WorkerException when it cannot be reached, refuses the token or speaks another version
     */
    WorkerInfo describe(String location, long timeoutSeconds) {
        DescribeReply reply;
        try {
            reply = blocking.withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS)
                    .describe(DescribeRequest.newBuilder().setClientApiVersion(ApiVersion.CURRENT).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                throw new WorkerException("the worker at " + where + " does not speak RingLab worker API "
                        + ApiVersion.CURRENT + " (" + e.getStatus().getDescription()
                        + "); run the same RingLab version on both sides", e);
            }
            throw Errors.fromStatus(e, where);
        }
        ApiVersion.check(reply.getApiVersion(), where);
        info = Wire.describe(reply, location);
        return info;
    }

    /**
     * One unary call on the blocking stub within {@link #CALL_SECONDS}.
     *
     * @throws WorkerException (or the refusal the worker's status carries) naming this worker
     */
    <T> T call(Function<TrainingWorkerGrpc.TrainingWorkerBlockingStub, T> rpc) {
        try {
            return rpc.apply(blocking.withDeadlineAfter(CALL_SECONDS, TimeUnit.SECONDS));
        } catch (StatusRuntimeException e) {
            throw Errors.fromStatus(e, where);
        }
    }

    WorkerInfo info() {
        return info;
    }

    /** Starts listening to the worker's heartbeat; {@code lost} hears why it stopped. */
    void watchHeartbeat(java.util.function.Consumer<WorkerBeat> onBeat, BiConsumer<WorkerConnection, String> lost) {
        async.heartbeat(HeartbeatRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(WorkerBeat beat) {
                lastBeatNanos = System.nanoTime();
                onBeat.accept(beat);
            }

            @Override
            public void onError(Throwable t) {
                lost.accept(WorkerConnection.this, "connection lost: " + Status.fromThrowable(t).getCode());
            }

            @Override
            public void onCompleted() {
                lost.accept(WorkerConnection.this, "closed the connection");
            }
        });
    }

    long millisSinceLastBeat() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastBeatNanos);
    }

    boolean isDead() {
        return dead;
    }

    /** True exactly once: for the caller that declares this connection dead. */
    synchronized boolean markDead() {
        if (dead) {
            return false;
        }
        dead = true;
        return true;
    }

    void shutdown() {
        channel.shutdownNow();
    }
}
