package org.ringlab.service;

import java.util.Locale;

/**
 * One device a training service can train on.
 *
 * @param id the engine's device id, e.g. {@code cpu()} or {@code gpu(0)}
 * @param name the CPU model, or the GPU with its compute capability
 * @param memoryBytes total memory (system memory for the CPU), 0 when unknown
 * @param cores logical cores (CPU only, else 0)
 * @param computeCapability e.g. "8.0" (GPU only, else empty)
 */
public record DeviceInfo(Kind kind, String id, String name, long memoryBytes, int cores, String computeCapability) {

    /** CPUs and GPUs queue separately: one run at a time on each kind. */
    public enum Kind {
        CPU, GPU;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DeviceInfo {
        name = name == null ? "" : name;
        computeCapability = computeCapability == null ? "" : computeCapability;
    }

    /** "GPU gpu(0) NVIDIA H100 (compute 9.0), 79.1 GiB" or "CPU AMD EPYC, 2 cores, 23.4 GiB". */
    public String summary() {
        StringBuilder sb = new StringBuilder(kind.name());
        if (!name.isBlank()) {
            sb.append(' ').append(name);
        }
        if (kind == Kind.GPU && !computeCapability.isBlank()) {
            sb.append(" (compute ").append(computeCapability).append(')');
        }
        if (cores > 0) {
            sb.append(", ").append(cores).append(cores == 1 ? " core" : " cores");
        }
        if (memoryBytes > 0) {
            sb.append(String.format(Locale.ROOT, ", %.1f GiB", memoryBytes / (double) (1L << 30)));
        }
        return sb.toString();
    }
}
