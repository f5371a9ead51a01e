package org.ringlab.sweep.slurm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs Slurm's command-line tools (sbatch, squeue, sacct, scancel, scontrol) as child processes:
 * the portable way to drive Slurm (its REST API changes between releases and needs a daemon most
 * clusters do not run). Each call has a time limit and reads at most {@link #MAX_OUTPUT} bytes of
 * each stream, so a hung controller or a flood of output cannot hang or fill the caller.
 */
public class SlurmTools {
    /** The most bytes kept from a tool's stdout or stderr; the rest is read and dropped. */
    public static final int MAX_OUTPUT = 4 << 20;

    /** What a tool printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** stderr's first non-blank line, else stdout's: what the tool said went wrong. */
        public String firstErrorLine() {
            for (String text : List.of(err, out)) {
                String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(null);
                if (line != null) {
                    return line;
                }
            }
            return "exit code " + exitCode;
        }
    }

    private final Map<String, String> environment;
    private final Duration timeout;

    /** The tools of this process's environment (its PATH and SLURM_CONF), 60 s a call. */
    public SlurmTools() {
        this(Map.of(), Duration.ofSeconds(60));
    }

    /**
     * @param environment variables set for the tools on top of this process's (e.g. SLURM_CONF)
     * @param timeout the longest one call may take before it is killed
     */
    public SlurmTools(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /**
     * Runs {@code command} (its first element a tool name looked up on PATH) with no input.
     *
     * @throws SlurmException when the tool is not installed, cannot start or exceeds the time limit
     */
    public Result run(List<String> command) {
        String tool = command.get(0);
        Path executable = find(tool);
        if (executable == null) {
            throw new SlurmException(tool + " not found: is this a Slurm login node?");
        }
        List<String> resolved = new ArrayList<>(command);
        // the JVM would look the name up on its own PATH, not on the one given to the child
        resolved.set(0, executable.toString());
        ProcessBuilder builder = new ProcessBuilder(resolved).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SlurmException("cannot run " + tool + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readBounded(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readBounded(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SlurmException(tool + " did not answer within " + timeout.toSeconds()
                        + " s (is slurmctld reachable?)");
            }
            return new Result(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SlurmException(tool + " was interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new SlurmException("cannot read the output of " + tool + ": " + e.getMessage(), e);
        }
    }

    /** The executable of that name on PATH (or the name itself when it is a path), or null. */
    private Path find(String tool) {
        if (tool.contains("/")) {
            return Files.isExecutable(Path.of(tool)) ? Path.of(tool) : null;
        }
        String path = environment.getOrDefault("PATH", System.getenv("PATH"));
        if (path == null) {
            return null;
        }
        for (String d : path.split(java.io.File.pathSeparator, -1)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool)) && !Files.isDirectory(Path.of(d, tool))) {
                return Path.of(d, tool);
            }
        }
        return null;
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String readBounded(InputStream in) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int room = MAX_OUTPUT - kept.size();
                if (room > 0) {
                    kept.write(buffer, 0, Math.min(n, room));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept.toString(StandardCharsets.UTF_8);
    }
}
