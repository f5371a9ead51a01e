package org.ringlab.train;

import java.lang.management.ManagementFactory;

/**
 * What the machine that trains a run offers: its physical memory (the container's limit where
 * there is one: the JDK reads cgroups), the JVM's heap limit, where the data set lives, and its
 * cores.
 */
public record MachineResources(long memoryBytes, long maxHeapBytes, int cores) {

    /** This JVM's machine. */
    public static MachineResources current() {
        long memory = Long.MAX_VALUE;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return new MachineResources(memory, Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors());
    }
}
