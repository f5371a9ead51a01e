package org.ringlab.remote;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts a training worker as a separate JVM of this installation: the same java, the same class
 * path, the engine's system properties, listening on a free loopback port with a fresh random
 * token that only this user can read. Its output goes to {@code worker.log} in the workspace.
 */
public final class WorkerLauncher {
    /** The worker is {@code ringlab serve}; named, not referenced, to keep remote below the CLI. */
    static final String MAIN_CLASS = "org.ringlab.cli.RingLabCli";

    /** Keeps freed tensors in the heap, as the ringlab launcher script does (README, Speed). */
    static final String DEFAULT_GLIBC_TUNABLES =
            "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824";

    private static final List<String> PROPERTY_PREFIXES = List.of("ai.djl.", "ringlab.", "org.slf4j.simpleLogger.",
            "DJL_", "ENGINE_CACHE_DIR", "PYTORCH_");

    private final Path workspace;
    private Duration startTimeout = Duration.ofSeconds(60);

    public WorkerLauncher(Path workspace) {
        this.workspace = workspace;
    }

    public WorkerLauncher startTimeout(Duration timeout) {
        this.startTimeout = timeout;
        return this;
    }

    /** A started worker: its process, where it listens and the token it demands. */
    public record Launched(Process process, String host, int port, String token, Path logFile) {
    }

    /**
     * @throws WorkerException when the worker does not come up in time, with the end of its log
     */
    public Launched launch() {
        Path dir;
        Path log = workspace.resolve("worker.log");
        try {
            Files.createDirectories(workspace);
            dir = Tokens.privateTempDirectory();
        } catch (IOException e) {
            throw new WorkerException("cannot prepare the worker's files: " + e.getMessage(), e);
        }
        String token = Tokens.generate();
        Path tokenFile = dir.resolve("token");
        Path portFile = dir.resolve("port");
        Process process;
        try {
            Tokens.writePrivate(tokenFile, token);
            ProcessBuilder pb = new ProcessBuilder(command(tokenFile, portFile))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = pb.environment();
            if (env.getOrDefault("GLIBC_TUNABLES", "").isBlank()) {
                env.put("GLIBC_TUNABLES", DEFAULT_GLIBC_TUNABLES);
            }
            process = pb.start();
        } catch (IOException e) {
            throw new WorkerException("cannot start the worker JVM: " + e.getMessage(), e);
        }
        try {
            int port = awaitPort(process, portFile, log);
            return new Launched(process, "127.0.0.1", port, token, log);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            // the worker read its token at start; the port file has been read
            deleteQuietly(tokenFile);
            deleteQuietly(portFile);
            deleteQuietly(dir);
        }
    }

    List<String> command(Path tokenFile, Path portFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // memory limits and native-access grants apply to the worker as to the app
            if (arg.startsWith("-Xmx") || arg.startsWith("-Xss") || arg.startsWith("--enable-native-access")) {
                cmd.add(arg);
            }
        }
        Properties props = System.getProperties();
        for (String key : props.stringPropertyNames()) {
            if (PROPERTY_PREFIXES.stream().anyMatch(key::startsWith)) {
                cmd.add("-D" + key + "=" + props.getProperty(key));
            }
        }
        if (System.getProperty("ai.djl.offline") == null) {
            cmd.add("-Dai.djl.offline=true");
        }
        // a heap exhausted ends the worker with a code the client explains, instead of a half-dead JVM
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN_CLASS);
        cmd.addAll(List.of("serve", "--host", "127.0.0.1", "--port", "0", "--port-file", portFile.toString(),
                "--token-file", tokenFile.toString(), "--workspace", workspace.toAbsolutePath().toString(),
                "--exit-with-parent"));
        // only this app holds the token, and the worker runs as its user: any folder the user picks may be read
        for (Path root : DataRoots.anywhere().roots()) {
            cmd.addAll(List.of("--data-root", root.toString()));
        }
        return cmd;
    }

    private int awaitPort(Process process, Path portFile, Path log) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(portFile)) {
                try {
                    return Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).strip());
                } catch (IOException | NumberFormatException e) {
                    throw new WorkerException("the worker wrote an unreadable port file " + portFile, e);
                }
            }
            if (!process.isAlive()) {
                throw new WorkerException("the worker JVM " + Exits.describe(process.exitValue())
                        + " while starting; its log " + log + " ends with: " + tail(log));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkerException("interrupted while waiting for the worker to start", e);
            }
        }
        throw new WorkerException("the worker did not start listening within " + startTimeout.toSeconds()
                + " s; its log " + log + " ends with: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp file left behind holds nothing secret once the worker is gone
        }
    }
}
