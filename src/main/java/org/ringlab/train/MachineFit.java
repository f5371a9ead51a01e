package org.ringlab.train;

import java.util.ArrayList;
import java.util.List;
import org.ringlab.config.DataDescription;
import org.ringlab.config.RunConfig;

/**
 * Refuses, before anything is loaded, a run the machine cannot hold: one whose estimated memory
 * ({@link MemoryEstimate}) exceeds {@link #MEMORY_SHARE} of the physical memory, whose data set
 * exceeds {@link #HEAP_SHARE} of the JVM heap, or that asks for more than {@link #THREADS_PER_CORE}
 * threads per core. Without this the kernel kills such a run with no message, or libgomp hangs
 * creating threads.
 */
public final class MachineFit {
    /** What is left for the operating system and the rest of the machine. */
    static final double MEMORY_SHARE = 0.9;
    /** The heap also holds the data set's subsets and the run's bookkeeping. */
    static final double HEAP_SHARE = 0.8;
    /** More threads than this only queue on the cores; far more hang libgomp. */
    public static final int THREADS_PER_CORE = 4;

    private MachineFit() {
    }

    /**
     * @param data the data folder's description, or null when it could not be read (then only the
     *     thread count is checked)
     * @return one line per problem, "key value: rule", as {@code ConfigValidator} writes them
     */
    public static List<String> check(RunConfig config, DataDescription data, MachineResources machine) {
        List<String> problems = new ArrayList<>();
        int maxThreads = machine.cores() * THREADS_PER_CORE;
        if (config.threads() > maxThreads) {
            problems.add("threads " + config.threads() + ": more than " + THREADS_PER_CORE + " per core on this "
                    + "machine's " + machine.cores() + " cores; use 1.." + maxThreads + " (0 = one per core)");
        }
        if (data == null) {
            return problems;
        }
        MemoryEstimate estimate = MemoryEstimate.of(config, data);
        long available = (long) (machine.memoryBytes() * MEMORY_SHARE);
        if (estimate.total() > available) {
            String key = estimate.largestPartKey();
            String value = switch (key) {
                case "batch-size" -> Integer.toString(config.batchSize());
                case "test-batch-size" -> Integer.toString(config.testBatchSize());
                case "model" -> config.model().key() + " on " + data.shape() + " images";
                default -> config.data();
            };
            problems.add(key + " " + value + ": the run needs about " + MemoryEstimate.bytes(estimate.total()) + " ("
                    + estimate.largestPart() + "), this machine has " + MemoryEstimate.bytes(machine.memoryBytes())
                    + " of memory");
        } else if (estimate.data() > machine.maxHeapBytes() * HEAP_SHARE) {
            problems.add("data " + config.data() + ": the data set needs about " + MemoryEstimate.bytes(estimate.data())
                    + " of Java heap, the JVM may use " + MemoryEstimate.bytes(machine.maxHeapBytes())
                    + " (raise it with RINGLAB_JAVA_OPTS=-Xmx...)");
        }
        return problems;
    }
}
