package org.ringlab.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The libtorch the engine loaded: where from, which version and flavour ({@code cpu}, {@code cu128}, ...),
 * and the JNI glue (libdjl_torch) DJL loaded with it. Call only after the engine has loaded.
 */
public record NativeLibrary(String engine, String version, String djlVersion, Path dir, String flavour, Path jni,
        boolean cudaBuild) {
    /** DJL's cache folder names: {@code <version>-<flavour>-<classifier>}, e.g. 2.7.1-20250812-cpu-linux-x86_64. */
    private static final Pattern CACHE_DIR = Pattern.compile(".*-(cpu|cu\\d+)(-precxx11)?-[a-z0-9_]+-[a-z0-9_]+");

    public static NativeLibrary loaded(Map<String, String> env) {
        Engine engine = Engine.getInstance();
        Path dir = Path.of(LibUtils.getLibtorchPath());
        String version = LibUtils.getVersion();
        String flavour = flavour(dir, env);
        String djl = Engine.getDjlVersion();
        // DJL 0.36.0 looks for the JNI in the libtorch folder first, then in a cache folder named
        // after the version and flavour
        Path jni = dir.resolve(djl + "-libdjl_torch.so");
        if (!Files.exists(jni)) {
            jni = dir.resolve("libdjl_torch.so");
        }
        if (!Files.exists(jni)) {
            jni = jniFor(version, flavour);
        }
        boolean cuda = Files.exists(dir.resolve("libtorch_cuda.so")) || Files.exists(dir.resolve("libc10_cuda.so"));
        return new NativeLibrary(engine.getEngineName(), engine.getVersion(), djl, dir, flavour,
                Files.exists(jni) ? jni : null, cuda);
    }

    /** Where DJL looks for (and where a self-built) JNI for a libtorch outside its cache must lie. */
    public static Path jniFor(String version, String flavour) {
        return ai.djl.util.Utils.getEngineCacheDir("pytorch").resolve(version + '-' + flavour + "-linux-x86_64")
                .resolve(Engine.getDjlVersion() + "-libdjl_torch.so");
    }

    /** The flavour from the cache folder's name, or from PYTORCH_FLAVOR for a library outside the cache. */
    static String flavour(Path dir, Map<String, String> env) {
        Matcher m = CACHE_DIR.matcher(dir.getFileName() == null ? "" : dir.getFileName().toString());
        if (m.matches()) {
            return m.group(1) + (m.group(2) == null ? "" : m.group(2));
        }
        String set = env.get("PYTORCH_FLAVOR");
        return set == null || set.isBlank() ? "cpu" : set;
    }
}
