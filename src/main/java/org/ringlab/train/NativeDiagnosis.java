package org.ringlab.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-language checks of the settings that make DJL load a libtorch other than its bundled CPU
 * 2.7.1 (PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR) against what is really installed
 * there. A pip/conda PyTorch keeps its libraries in {@code torch/lib} and its version and CUDA
 * release in {@code torch/version.py}.
 */
public final class NativeDiagnosis {
    /** The libtorch version DJL 0.36.0's prebuilt JNI was compiled against. */
    public static final String PREBUILT_JNI_VERSION = "2.7.1";
    private static final Pattern VERSION = Pattern.compile("(?m)^__version__\\s*=\\s*'([^']+)'");
    private static final Pattern CUDA = Pattern.compile("(?m)^cuda\\s*(?::\\s*[^=]+)?=\\s*'([^']+)'");

    private NativeDiagnosis() {
    }

    /** The PyTorch installation around a {@code torch/lib} folder: version (e.g. 2.11.0) and CUDA (e.g. 13.0 or null). */
    public record Installed(String version, String cuda) {
        /** DJL's flavour name for it: cpu, or cu + the CUDA release without dots (13.0 → cu130). */
        public String flavour() {
            return cuda == null ? "cpu" : "cu" + cuda.replace(".", "");
        }
    }

    /** Reads {@code ../version.py} next to a torch lib folder; null when there is none (not a pip/conda PyTorch). */
    public static Installed installed(Path libDir) {
        Path file = libDir.toAbsolutePath().getParent() == null ? null
                : libDir.toAbsolutePath().getParent().resolve("version.py");
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            String text = Files.readString(file);
            Matcher v = VERSION.matcher(text);
            if (!v.find()) {
                return null;
            }
            Matcher c = CUDA.matcher(text);
            String cuda = c.find() ? c.group(1) : null;
            return new Installed(v.group(1).replaceFirst("\\+.*", ""), cuda);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Problems with the override settings before (or instead of) loading; empty when none is set or all agree.
     * A libtorch of another version than {@value #PREBUILT_JNI_VERSION} needs a self-built JNI in DJL's cache
     * ({@link NativeLibrary#jniFor}).
     */
    public static List<String> settings(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        String path = env.get("PYTORCH_LIBRARY_PATH");
        String version = env.get("PYTORCH_VERSION");
        String flavour = env.get("PYTORCH_FLAVOR");
        if (path != null && !Files.isRegularFile(Path.of(path).resolve("libtorch.so"))) {
            out.add("PYTORCH_LIBRARY_PATH=" + path + " has no libtorch.so: DJL ignores it; point it at torch/lib "
                    + "of a PyTorch installation");
            path = null;
        }
        if (path == null) {
            if (version != null && !version.equals(PREBUILT_JNI_VERSION)) {
                out.add("PYTORCH_VERSION=" + version + " without a libtorch to load makes DJL download libtorch "
                        + version + ", which offline fails: unset it, or point PYTORCH_LIBRARY_PATH at that libtorch");
            }
            return out;
        }
        Path lib = Path.of(path);
        Installed inst = installed(lib);
        if (version == null) {
            out.add("PYTORCH_LIBRARY_PATH is set but PYTORCH_VERSION is not: set it to the version of that libtorch"
                    + (inst == null ? "" : " (" + inst.version() + ")"));
        } else if (inst != null && !inst.version().equals(version)) {
            out.add("PYTORCH_VERSION=" + version + " but " + lib + " is PyTorch " + inst.version()
                    + ": set PYTORCH_VERSION=" + inst.version());
        }
        boolean cudaBuild = Files.exists(lib.resolve("libtorch_cuda.so"));
        if (flavour == null) {
            out.add("PYTORCH_LIBRARY_PATH is set but PYTORCH_FLAVOR is not: set it to "
                    + (inst != null ? inst.flavour() : cudaBuild ? "cu<CUDA release, e.g. cu128>" : "cpu"));
        } else if (flavour.startsWith("cu") && !cudaBuild) {
            out.add("PYTORCH_FLAVOR=" + flavour + " but " + lib + " has no libtorch_cuda.so: it is a CPU-only build");
        } else if (inst != null && !inst.flavour().equals(flavour)) {
            out.add("PYTORCH_FLAVOR=" + flavour + " but " + lib + " was built for "
                    + (inst.cuda() == null ? "the CPU" : "CUDA " + inst.cuda()) + ": set PYTORCH_FLAVOR=" + inst.flavour());
        }
        if (version != null && flavour != null && !version.equals(PREBUILT_JNI_VERSION)) {
            // DJL 0.36.0 takes the JNI from the libtorch folder first, then from its cache
            Path jni = NativeLibrary.jniFor(version, flavour);
            boolean beside = Files.isRegularFile(lib.resolve(ai.djl.engine.Engine.getDjlVersion() + "-libdjl_torch.so"))
                    || Files.isRegularFile(lib.resolve("libdjl_torch.so"));
            if (!beside && !Files.isRegularFile(jni)) {
                out.add("DJL's prebuilt JNI is for libtorch " + PREBUILT_JNI_VERSION + " and " + jni + " does not exist: "
                        + "build the JNI against this libtorch (scripts/gpu-check.sh --djl-src DIR, see README's GPU "
                        + "section) or DJL will try to download one and fail offline");
            }
        }
        return out;
    }

    /** After loading: a CUDA build that sees no GPU, or a library that is not the one the settings name. */
    public static List<String> loaded(NativeLibrary lib, int gpus, Map<String, String> env) {
        List<String> out = new ArrayList<>();
        if (lib.cudaBuild() && gpus == 0) {
            out.add("the native library is a CUDA build (" + lib.flavour() + ") but the engine sees no GPU: "
                    + "no NVIDIA driver, or one too old for this CUDA release (nvidia-smi shows the highest it supports)");
        }
        String path = env.get("PYTORCH_LIBRARY_PATH");
        if (path != null && !Path.of(path).toAbsolutePath().normalize().equals(lib.dir().toAbsolutePath().normalize())) {
            out.add("PYTORCH_LIBRARY_PATH=" + path + " but the engine loaded " + lib.dir());
        }
        return out;
    }
}
