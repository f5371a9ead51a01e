package org.ringlab.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ringlab.bench.BenchCase;
import org.ringlab.bench.DeviceSmoke;
import org.ringlab.train.NativeDiagnosis;
import org.ringlab.train.NativeLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab doctor}: which engine and native library load, which devices they see, and whether each trains. */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the engine, its native library (folder, version, flavour, JNI) and the devices it "
            + "sees, run a short training on each device, and say in plain words what is wrong when the "
            + "library does not match the PyTorch/CUDA installation the PYTORCH_* settings point at.",
            "Exit code 0 when everything loaded and trained with finite losses, 1 otherwise."})
final class DoctorCommand implements Callable<Integer> {
    /** First losses of two devices from the same weights and batch agree to float rounding; more means a wrong kernel. */
    static final double LOSS_TOLERANCE = 1e-3;

    @Option(names = "--config", defaultValue = "lenet-ring8", description = "Bench configuration to train "
            + "(resnet20-ring4, lenet-fp32, ...; default: ${DEFAULT-VALUE}).")
    String config;

    @Option(names = "--steps", defaultValue = "20", description = "Training steps per device (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (steps < 2 || batch < 1 || threads < 1) {
            throw new UserError("--steps must be at least 2, --batch and --threads positive");
        }
        BenchCase c = BenchCase.peerCases().stream().filter(b -> b.name().equals(config)).findFirst()
                .orElseThrow(() -> new UserError("--config: unknown configuration '" + config + "'"));
        EngineSettings.threads(threads);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = System.getenv();
        List<String> problems = new ArrayList<>(NativeDiagnosis.settings(env));
        out.printf(Locale.ROOT, "settings   %s%n", settings(env));
        Engine engine;
        try {
            engine = Engine.getInstance();
        } catch (RuntimeException | LinkageError e) {
            out.println("engine     did not load: " + org.ringlab.train.Failures.describe(e));
            if (problems.isEmpty()) {
                problems.add(env.containsKey("PYTORCH_LIBRARY_PATH") ? "the libtorch in PYTORCH_LIBRARY_PATH did not "
                        + "load (the line above says why)" : "no libtorch to load: DJL's CPU library "
                        + "(pytorch-native-cpu jar) is not on the class path and PYTORCH_LIBRARY_PATH is not set");
            }
            return diagnosis(out, problems);
        }
        NativeLibrary lib = NativeLibrary.loaded(env);
        int gpus = engine.getGpuCount();
        out.printf(Locale.ROOT, "engine     %s %s, DJL %s%n", lib.engine(), lib.version(), lib.djlVersion());
        out.printf(Locale.ROOT, "libtorch   %s (flavour %s, %s)%n", lib.dir(), lib.flavour(),
                lib.cudaBuild() ? "CUDA build" : "CPU-only build");
        out.printf(Locale.ROOT, "jni        %s%n", lib.jni() == null ? "not in DJL's cache folder" : lib.jni());
        List<Device> devices = new ArrayList<>(List.of(Device.cpu()));
        for (int i = 0; i < gpus; i++) {
            devices.add(Device.gpu(i));
        }
        out.printf(Locale.ROOT, "devices    %s (%d GPU%s)%n", devices, gpus, gpus == 1 ? "" : "s");
        problems.addAll(NativeDiagnosis.loaded(lib, gpus, env));
        out.printf(Locale.ROOT, "smoke      %s, batch %d, %d steps per device, %d threads%n", c.name(), batch, steps,
                threads);
        out.println("| device | images/s | first loss | last loss |");
        out.println("|---|---:|---:|---:|");
        out.flush();
        DeviceSmoke.Result cpu = null;
        for (Device d : devices) {
            DeviceSmoke.Result r;
            try {
                r = DeviceSmoke.run(c, d, batch, steps);
            } catch (RuntimeException | LinkageError e) {
                out.printf(Locale.ROOT, "| %s | failed | | |%n", d);
                problems.add(d + ": training failed: " + org.ringlab.train.Failures.describe(e));
                continue;
            }
            out.printf(Locale.ROOT, "| %s | %,.0f | %.5f | %.5f |%n", d, r.imagesPerSecond(), r.firstLoss(),
                    r.lastLoss());
            out.flush();
            if (!r.finite()) {
                problems.add(d + ": the loss or the speed was not finite");
            }
            if (d.isGpu() && cpu != null) {
                double diff = Math.abs(r.firstLoss() - cpu.firstLoss());
                out.printf(Locale.ROOT, "%s vs cpu(): first losses differ by %.2g%n", d, diff);
                if (!(diff <= LOSS_TOLERANCE)) {
                    problems.add(d + ": its first loss differs from the CPU's by " + diff + " (same weights and "
                            + "batch; more than " + LOSS_TOLERANCE + " means a wrong kernel or library)");
                }
            } else if (!d.isGpu()) {
                cpu = r;
            }
        }
        return diagnosis(out, problems);
    }

    private static int diagnosis(PrintWriter out, List<String> problems) {
        if (problems.isEmpty()) {
            out.println("diagnosis  ok");
            return 0;
        }
        for (String p : problems) {
            out.println("diagnosis  " + p);
        }
        return RingLabCli.FAILED;
    }

    private static String settings(Map<String, String> env) {
        List<String> set = new ArrayList<>();
        for (String key : List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR", "DJL_CACHE_DIR")) {
            if (env.get(key) != null) {
                set.add(key + "=" + env.get(key));
            }
        }
        return set.isEmpty() ? "no PYTORCH_* override (DJL's bundled libtorch)" : String.join(" ", set);
    }
}
