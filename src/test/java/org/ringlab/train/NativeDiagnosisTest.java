package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-words checks of PYTORCH_LIBRARY_PATH / PYTORCH_VERSION / PYTORCH_FLAVOR against a fake pip PyTorch. */
class NativeDiagnosisTest {

    /** A torch/ folder as pip lays it out: lib/libtorch.so (+ libtorch_cuda.so for a CUDA build) and version.py. */
    private static Path torch(Path root, String version, String cuda) throws IOException {
        Path lib = Files.createDirectories(root.resolve("torch/lib"));
        Files.writeString(lib.resolve("libtorch.so"), "");
        if (cuda != null) {
            Files.writeString(lib.resolve("libtorch_cuda.so"), "");
        }
        Files.writeString(root.resolve("torch/version.py"), "from typing import Optional\n__version__ = '" + version
                + (cuda == null ? "+cpu" : "+cu" + cuda.replace(".", "")) + "'\ndebug = False\ncuda: Optional[str] = "
                + (cuda == null ? "None" : "'" + cuda + "'") + "\n");
        return lib;
    }

    @Test
    void readsVersionAndCudaOfAPipInstallation(@TempDir Path dir) throws IOException {
        NativeDiagnosis.Installed i = NativeDiagnosis.installed(torch(dir, "2.11.0", "13.0"));
        assertEquals(new NativeDiagnosis.Installed("2.11.0", "13.0"), i);
        assertEquals("cu130", i.flavour());
    }

    @Test
    void nothingSetIsFine() {
        assertEquals(List.of(), NativeDiagnosis.settings(Map.of()));
    }

    @Test
    void wrongVersionAndFlavourAreNamedWithTheRightValues(@TempDir Path dir) throws IOException {
        Path lib = torch(dir, "2.11.0", "13.0");
        List<String> p = NativeDiagnosis.settings(Map.of("PYTORCH_LIBRARY_PATH", lib.toString(),
                "PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cu128"));
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).contains("set PYTORCH_VERSION=2.11.0"), p.get(0));
        assertTrue(p.get(1).contains("set PYTORCH_FLAVOR=cu130"), p.get(1));
    }

    @Test
    void cudaFlavourOnACpuBuildAndAMissingJniAreNamed(@TempDir Path dir) throws IOException {
        Path lib = torch(dir, "2.11.0", null);
        List<String> p = NativeDiagnosis.settings(Map.of("PYTORCH_LIBRARY_PATH", lib.toString(),
                "PYTORCH_VERSION", "2.11.0", "PYTORCH_FLAVOR", "cu130"));
        assertTrue(p.stream().anyMatch(l -> l.contains("no libtorch_cuda.so")), p.toString());
        assertTrue(p.stream().anyMatch(l -> l.contains("prebuilt JNI is for libtorch 2.7.1")
                && l.contains("2.11.0-cu130-linux-x86_64")), p.toString());
    }

    @Test
    void aFolderWithoutLibtorchIsNamed(@TempDir Path dir) {
        List<String> p = NativeDiagnosis.settings(Map.of("PYTORCH_LIBRARY_PATH", dir.toString(),
                "PYTORCH_VERSION", "2.11.0"));
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).contains("has no libtorch.so"), p.get(0));
        assertTrue(p.get(1).contains("offline fails"), p.get(1));
    }

    @Test
    void aCudaBuildWithoutGpuIsNamed() {
        NativeLibrary lib = new NativeLibrary("PyTorch", "2.11.0", "0.36.0", Path.of("/x/torch/lib"), "cu130", null,
                true);
        List<String> p = NativeDiagnosis.loaded(lib, 0, Map.of());
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("sees no GPU"), p.get(0));
        assertEquals(List.of(), NativeDiagnosis.loaded(lib, 1, Map.of()));
    }
}
