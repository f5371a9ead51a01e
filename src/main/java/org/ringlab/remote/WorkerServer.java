package org.ringlab.remote;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ringlab.service.InProcessTrainingService;

/**
 * A training worker: an in-process training service of this JVM, served over gRPC. Binds to
 * loopback unless given a token; with a token every call must carry it.
 */
public final class WorkerServer implements AutoCloseable {
    /** How often the worker tells its clients it is alive. */
    public static final long HEARTBEAT_MILLIS = 250;

    /** Malformed requests beyond this many a minute are counted, not logged one by one. */
    static final int MALFORMED_LINES_PER_MINUTE = 10;

    private final Server server;
    private final WorkerService service;
    private final String host;

    /**
     * @param host the address to bind; anything but loopback needs a token
     * @param port the port, 0 for any free one (see {@link #port()})
     * @param token the secret clients must send, or null to accept any local client
     * @param tlsCert PEM certificate chain for TLS, or null for plaintext
     * @param tlsKey PEM private key (PKCS#8) matching {@code tlsCert}
     * @throws WorkerException when the address is not loopback and there is no token, or the
     *     address cannot be resolved or bound
     */
    public static WorkerServer start(String host, int port, String token, Path workspace, File tlsCert,
            File tlsKey) {
        return start(host, port, token, workspace, tlsCert, tlsKey, DataRoots.defaults());
    }

    /** @param dataRoots the only folders clients may name as data (see {@link DataRoots}) */
    public static WorkerServer start(String host, int port, String token, Path workspace, File tlsCert,
            File tlsKey, DataRoots dataRoots) {
        return start(host, port, token, workspace, tlsCert, tlsKey, dataRoots, Tuning.DEFAULT);
    }

    /**
     * What tests shrink: how long a call may read files, how much event history stays in memory,
     * where the worker's log lines go.
     */
    record Tuning(Duration diskDeadline, RunEventLog.Window events, Consumer<String> log) {
        static final Tuning DEFAULT = new Tuning(Duration.ofSeconds(60), RunEventLog.Window.DEFAULT,
                WorkerLog.standardError());
    }

    static WorkerServer start(String host, int port, String token, Path workspace, File tlsCert, File tlsKey,
            DataRoots dataRoots, Tuning tuning) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new WorkerException("cannot resolve --host " + host + ": " + e.getMessage(), e);
        }
        if (!address.isLoopbackAddress() && (token == null || token.isBlank())) {
            throw new WorkerException("refusing to listen on " + host + " without a token: anyone who can reach "
                    + "that address could train on and read from this worker; give --token-file FILE, or keep "
                    + "the default --host 127.0.0.1 and reach it through an SSH tunnel (docs/remote-worker.md)");
        }
        if (port < 0 || port > 65535) {
            throw new WorkerException("--port " + port + " is not a port number (0-65535; 0 picks a free one)");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new WorkerException("TLS needs both --tls-cert and --tls-key");
        }
        // a flood of garbage costs the log a few lines a minute
        RateLimitedLog malformed = new RateLimitedLog(tuning.log(), MALFORMED_LINES_PER_MINUTE, System::nanoTime);
        WorkerService service = new WorkerService(new InProcessTrainingService(workspace), HEARTBEAT_MILLIS,
                dataRoots, tuning, malformed);
        ServerServiceDefinition guarded = MalformedRequests.guard(service.bindService(), malformed);
        ServerServiceDefinition definition = token == null || token.isBlank()
                ? guarded
                : ServerInterceptors.intercept(guarded, new TokenAuthInterceptor(token));
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(address, port))
                .addService(definition)
                // clients may probe a quiet connection; the heartbeat stream does the real watching
                .permitKeepAliveTime(10, TimeUnit.SECONDS).permitKeepAliveWithoutCalls(true);
        if (tlsCert != null) {
            builder.useTransportSecurity(tlsCert, tlsKey);
        }
        try {
            return new WorkerServer(builder.build().start(), service, host);
        } catch (IOException | IllegalArgumentException e) {
            service.close();
            throw new WorkerException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private WorkerServer(Server server, WorkerService service, String host) {
        this.server = server;
        this.service = service;
        this.host = host;
    }

    /** The port actually bound (the free one picked for port 0). */
    public int port() {
        return server.getPort();
    }

    public String host() {
        return host;
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** Ends every call at once, as a crash would look to clients, then stops the runs (tests). */
    void abort() {
        server.shutdownNow();
        service.close();
    }

    /** Stops accepting calls, stops the runs between two steps and waits for them to end. */
    @Override
    public void close() {
        server.shutdown();
        service.close();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
    }
}
