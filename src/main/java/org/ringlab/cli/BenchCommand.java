package org.ringlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ringlab.bench.BenchCase;
import org.ringlab.bench.MemoryProbe;
import org.ringlab.bench.PeerBench;
import org.ringlab.bench.StepTimer;
import org.ringlab.config.DataDescription;
import org.ringlab.train.MemoryEstimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab bench}: training-step throughput of the peer's seven configurations, and a memory probe. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time full training steps (forward, loss, backward, clip 5, SGD 0.1/0.9/1e-4, clamp) on a "
            + "fixed random batch and print images/s per configuration.",
            "Run it on an otherwise idle machine: cpu/wall well below the thread count means the numbers are "
            + "contended and worthless.",
            "arrays/step: the NDArrays one training step creates (one per engine operation's result and one per Java "
            + "scalar operand; in-place operations on arrays are not counted); deterministic, so a change in it is "
            + "a change in the code path."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--configs", split = ",", description = "Subset of: resnet20-fp32, resnet20-ring4, resnet20-ring8, "
            + "lenet-fp32, lenet-ring8, mlp-fp32, mlp-ring8 (default: all).")
    List<String> configs;

    @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first; the JVM compiles the hot "
            + "paths during these (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--steps", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--peer", paramLabel = "DIR", description = "Also run the PyTorch peer's bench_throughput.py "
            + "from DIR for each configuration, interleaved with ours, and print the ratio (needs python3 with torch).")
    java.nio.file.Path peer;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python for --peer (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--rounds", defaultValue = "1", description = "Repeat the whole matrix, interleaved (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--memory-steps", paramLabel = "N", description = "Instead of timing: train LeNet ring 8 "
            + "(or the first of --configs) for N steps, print the resident memory every --memory-every steps, "
            + "then the memory estimate runs are checked with beside the peak.")
    Integer memorySteps;

    @Option(names = "--memory-every", defaultValue = "500", paramLabel = "N", description = "(default: ${DEFAULT-VALUE})")
    int memoryEvery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (batch < 1 || steps < 1 || warmup < 0 || threads < 1 || memoryEvery < 1 || rounds < 1) {
            throw new UserError("--batch, --steps, --threads, --rounds and --memory-every must be positive, "
                    + "--warmup >= 0");
        }
        EngineSettings.threads(threads);
        PrintWriter out = spec.commandLine().getOut();
        List<BenchCase> cases = BenchCase.peerCases();
        if (memorySteps != null) {
            String name = configs == null ? "lenet-ring8" : configs.get(0);
            return memory(out, cases.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new UserError("--configs: unknown configuration '" + name + "'")));
        }
        if (configs != null) {
            for (String name : configs) {
                if (cases.stream().noneMatch(c -> c.name().equals(name))) {
                    throw new UserError("--configs: unknown configuration '" + name + "'");
                }
            }
            cases = cases.stream().filter(c -> configs.contains(c.name())).toList();
        }
        PeerBench peerBench = null;
        if (peer != null) {
            try {
                peerBench = new PeerBench(peer, python);
            } catch (IllegalArgumentException e) {
                throw new UserError("--peer " + e.getMessage(), e);
            }
        }
        out.printf(Locale.ROOT, "training step, batch %d, %d threads, median of %d steps after %d warm-up, %d round(s)%n",
                batch, threads, steps, warmup, rounds);
        if (peerBench == null) {
            out.println("| config | round | params | median ms | p10 ms | p90 ms | images/s | cpu/wall | arrays/step |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        } else {
            out.println("| config | round | median ms | images/s | cpu/wall | peer images/s | ratio | arrays/step |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        }
        out.flush();
        for (int round = 1; round <= rounds; round++) {
            for (BenchCase c : cases) {
                StepTimer.Timing t = StepTimer.time(c, batch, warmup, steps);
                if (peerBench == null) {
                    out.printf(Locale.ROOT, "| %s | %d | %,d | %.1f | %.1f | %.1f | %,.0f | %.2f | %,d |%n", t.name(),
                            round, t.parameters(), t.medianMs(), t.p10Ms(), t.p90Ms(), t.imagesPerSecond(),
                            t.cpuPerWall(), t.arraysPerStep());
                } else {
                    double theirs = peerImagesPerSecond(peerBench, c.name());
                    out.printf(Locale.ROOT, "| %s | %d | %.1f | %,.0f | %.2f | %,.0f | %.2f | %,d |%n", t.name(), round,
                            t.medianMs(), t.imagesPerSecond(), t.cpuPerWall(), theirs, t.imagesPerSecond() / theirs,
                            t.arraysPerStep());
                }
                out.flush();
            }
        }
        return 0;
    }

    private double peerImagesPerSecond(PeerBench peerBench, String config) {
        try {
            return peerBench.imagesPerSecond(config, threads, batch, warmup, steps);
        } catch (java.io.IOException e) {
            throw new UserError(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted", e);
        }
    }

    private int memory(PrintWriter out, BenchCase c) {
        out.printf(Locale.ROOT, "memory: %s, batch %d, %d steps, %d threads%n", c.name(), batch, memorySteps, threads);
        out.flush();
        List<MemoryProbe.Sample> samples = MemoryProbe.run(c, batch, memorySteps, memoryEvery, s -> {
            out.printf(Locale.ROOT, "step %6d  rss %8.1f MiB  (JVM heap committed %6.1f MiB, outside the heap %7.1f MiB)%n",
                    s.step(), s.rssMiB(), s.heapCommittedMiB(), s.outsideHeapMiB());
            out.flush();
        });
        if (samples.size() >= 2) {
            MemoryProbe.Sample first = samples.get(0);
            MemoryProbe.Sample last = samples.get(samples.size() - 1);
            out.printf(Locale.ROOT, "rss from step %d to %d: %.1f -> %.1f MiB (%+.1f%%); outside the JVM heap: "
                    + "%.1f -> %.1f MiB (%+.1f%%)%n", first.step(), last.step(), first.rssMiB(), last.rssMiB(),
                    100 * (last.rssMiB() - first.rssMiB()) / first.rssMiB(), first.outsideHeapMiB(),
                    last.outsideHeapMiB(), 100 * (last.outsideHeapMiB() - first.outsideHeapMiB()) / first.outsideHeapMiB());
        }
        // what a run's memory check would have estimated for this model and batch (no data set:
        // the probe trains on one random batch), against what the process really held at its peak
        MemoryEstimate e = MemoryEstimate.of(c.spec(), 1, batch, batch, new DataDescription("random batch",
                c.spec().channels(), c.spec().height(), c.spec().width(), c.spec().classes(), 0, 0), 0, 0);
        double peak = MemoryProbe.peakRssMiB();
        out.printf(Locale.ROOT, "memory estimate %s (model %s, quantizer %s, activations %s, runtime %s); "
                + "peak rss %.0f MiB; estimate / peak %.2f%n", MemoryEstimate.bytes(e.total()),
                MemoryEstimate.bytes(e.model()), MemoryEstimate.bytes(e.quantizer()),
                MemoryEstimate.bytes(e.activations()), MemoryEstimate.bytes(e.runtime()), peak,
                e.total() / (1024.0 * 1024.0) / peak);
        return 0;
    }
}
