package org.ringlab.service;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.train.Failures;

/** Describes the devices and software of this JVM, as the engine sees them. */
public final class WorkerProbe {
    private WorkerProbe() {
    }

    /** RingLab's version from the jar manifest, or "development build" when run from classes. */
    public static String ringlabVersion() {
        String v = WorkerProbe.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    public static WorkerInfo describe(String location, String apiVersion) {
        Engine engine = Engine.getInstance();
        List<DeviceInfo> devices = new ArrayList<>();
        for (int i = 0; i < engine.getGpuCount(); i++) {
            devices.add(gpu(i));
        }
        devices.add(cpu());
        return new WorkerInfo(location, apiVersion, ringlabVersion(), engine.getEngineName(), engine.getVersion(),
                System.getProperty("java.vendor", "") + " " + System.getProperty("java.version", ""), devices);
    }

    private static DeviceInfo gpu(int index) {
        Device device = Device.gpu(index);
        long memory = 0;
        String capability = "";
        try {
            memory = CudaUtils.getGpuMemory(device).getMax();
            capability = CudaUtils.getComputeCapability(index);
        } catch (RuntimeException e) {
            // the engine sees the GPU but the CUDA runtime library cannot be queried: report what is known
            Failures.debug(e);
        }
        return new DeviceInfo(DeviceInfo.Kind.GPU, device.toString(), gpuName(index), memory, 0, capability);
    }

    /** DJL does not name GPUs; nvidia-smi does where the driver is installed. */
    private static String gpuName(int index) {
        String fallback = "CUDA GPU " + index;
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name", "--format=csv,noheader", "-i",
                    Integer.toString(index)).redirectErrorStream(true).start();
            if (!p.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fallback;
            }
            String name = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .strip();
            return p.exitValue() == 0 && !name.isEmpty() && !name.contains("\n") ? name : fallback;
        } catch (IOException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    private static DeviceInfo cpu() {
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return new DeviceInfo(DeviceInfo.Kind.CPU, Device.cpu().toString(), cpuModel(), memory,
                Runtime.getRuntime().availableProcessors(), "");
    }

    /** The "model name" line of /proc/cpuinfo on Linux, else the OS architecture. */
    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                var model = lines.filter(l -> l.startsWith("model name")).findFirst();
                if (model.isPresent() && model.get().contains(":")) {
                    return model.get().substring(model.get().indexOf(':') + 1).strip();
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                Failures.debug(e);
            }
        }
        return System.getProperty("os.arch", "");
    }
}
