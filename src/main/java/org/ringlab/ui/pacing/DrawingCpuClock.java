package org.ringlab.ui.pacing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * CPU time spent drawing the window: the JavaFX application thread (events, CSS, layout, the
 * charts' and canvases' drawing commands) plus JavaFX's renderer thread (rasterising them, which
 * under software rendering is most of a frame's cost). Training in the same JVM, gRPC and the
 * garbage collector are not counted: they are not what the window's frame rate decides.
 */
public final class DrawingCpuClock implements LongSupplier {
    /** The thread JavaFX renders on (Prism's, named by Quantum). */
    static final String RENDERER_PREFIX = "QuantumRenderer";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long fxThread;
    private long[] rendererThreads = new long[0];

    /** Call on the JavaFX application thread. */
    public DrawingCpuClock() {
        fxThread = Thread.currentThread().getId();
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    /** Whether this JVM measures per-thread CPU time; without it the budget cannot apply. */
    public boolean supported() {
        return threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    }

    @Override
    public long getAsLong() {
        if (rendererThreads.length == 0) {
            // the renderer starts with the toolkit and lives as long as it; found once
            rendererThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(RENDERER_PREFIX))
                    .mapToLong(Thread::getId)
                    .toArray();
        }
        long total = Math.max(0, threads.getThreadCpuTime(fxThread));
        for (long id : rendererThreads) {
            // -1 once a thread has ended
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    @Override
    public String toString() {
        return "JavaFX thread " + fxThread + " and renderer threads " + Arrays.toString(rendererThreads);
    }
}
