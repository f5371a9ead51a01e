package org.ringlab.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.ringlab.remote.ApiVersion;
import org.ringlab.remote.DataRoots;
import org.ringlab.remote.Tokens;
import org.ringlab.remote.WorkerException;
import org.ringlab.remote.WorkerServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab serve}: a training worker that the workbench (or another client) drives over gRPC. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a training worker: queued runs train here, clients follow them over gRPC.",
            "Binds to loopback by default; any other address needs --token-file. See docs/remote-worker.md."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); not loopback needs --token-file.")
    String host;

    @Option(names = "--port", defaultValue = "50051",
            description = "Port (default: ${DEFAULT-VALUE}); 0 picks a free one and prints it.")
    int port;

    @Option(names = "--port-file", paramLabel = "FILE",
            description = "Write the port actually bound to FILE once listening (for launchers).")
    Path portFile;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Clients must send the token in FILE ('authorization: Bearer <token>'); "
                    + "a missing FILE is created with a fresh random token, readable by you only.")
    Path tokenFile;

    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run directories are written (default: ${DEFAULT-VALUE}).")
    Path workspace;

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "A folder clients may read data from (repeatable); data paths outside every root are "
                    + "refused. Default: sample-data of the working directory or of the installation.")
    List<Path> dataRoots;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve TLS with this certificate chain.")
    File tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The PKCS#8 private key of --tls-cert.")
    File tlsKey;

    @Option(names = "--exit-with-parent", hidden = true,
            description = "Exit when standard input closes (the launching app ended).")
    boolean exitWithParent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String token = null;
        WorkerServer server;
        DataRoots roots;
        try {
            if (tokenFile != null) {
                if (!Files.exists(tokenFile)) {
                    Tokens.writePrivate(tokenFile, Tokens.generate());
                    out.println("wrote a new token to " + tokenFile + " (give it to clients; keep it secret)");
                }
                token = Tokens.read(tokenFile);
            }
            roots = dataRoots == null || dataRoots.isEmpty() ? DataRoots.defaults() : DataRoots.of(dataRoots);
            server = WorkerServer.start(host, port, token, workspace, tlsCert, tlsKey, roots);
        } catch (WorkerException e) {
            throw new UserError(e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ringlab-worker-shutdown"));
        out.println("RingLab worker (API " + ApiVersion.CURRENT + ") listening on " + host + ":" + server.port()
                + (token == null ? "" : ", token required") + (tlsCert == null ? "" : ", TLS")
                + "; runs are written under " + workspace.toAbsolutePath());
        out.println(roots.roots().isEmpty()
                ? "no data roots: every data folder will be refused; give --data-root DIR"
                : "clients may read data under " + roots);
        out.flush();
        if (portFile != null) {
            Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
            Files.writeString(tmp, server.port() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (exitWithParent) {
            Thread watch = new Thread(() -> {
                drain(System.in);
                System.exit(0);
            }, "ringlab-worker-parent-watch");
            watch.setDaemon(true);
            watch.start();
        }
        server.awaitTermination();
        return 0;
    }

    /** Returns when the stream ends: the parent closed it, or died. */
    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent writes nothing; only the end matters
            }
        } catch (IOException e) {
            // a broken pipe is an end too
        }
    }
}
