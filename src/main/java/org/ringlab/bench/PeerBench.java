package org.ringlab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the PyTorch reference benchmark ({@code bench_throughput.py} of the peer folder) for one
 * configuration in a child process, so that it can be interleaved with RingLab's own timing on
 * the same machine in the same minutes.
 */
public final class PeerBench {
    private static final Pattern IMAGES_PER_SECOND = Pattern.compile("([0-9.]+) img/s");
    private static final String OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-openmp";

    private final Path script;
    private final String python;

    public PeerBench(Path peerDir, String python) {
        this.script = peerDir.resolve("bench_throughput.py");
        this.python = python;
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException(script + ": no peer benchmark script there");
        }
    }

    /** Images/s the peer reports for one configuration (its median step). */
    public double imagesPerSecond(String config, int threads, int batch, int warmup, int steps)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--configs", config, "--threads",
                Integer.toString(threads), "--batch", Integer.toString(batch), "--warmup", Integer.toString(warmup),
                "--steps", Integer.toString(steps), "--quiet-wait", "0", "--max-tries", "1");
        pb.redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        // the peer's own run script uses Debian's OpenMP OpenBLAS and the same malloc tuning as ours
        if (Files.isDirectory(Path.of(OPENBLAS))) {
            env.put("LD_LIBRARY_PATH", OPENBLAS);
        }
        env.putIfAbsent("GLIBC_TUNABLES",
                "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824");
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                out.append(line).append('\n');
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("peer benchmark failed for " + config + ": " + lastLines(out.toString()));
        }
        for (String line : out.toString().split("\n", -1)) {
            if (line.startsWith(config)) {
                Matcher m = IMAGES_PER_SECOND.matcher(line);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
        }
        throw new IOException("peer benchmark printed no figure for " + config + ": " + lastLines(out.toString()));
    }

    private static String lastLines(String s) {
        List<String> lines = List.of(s.strip().split("\n"));
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
