package org.ringlab.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The published Ring Quantization checkpoints, when this checkout sits next to the shared folder. */
public final class ReferenceCheckpoints {
    private ReferenceCheckpoints() {
    }

    public static Path file(String name) {
        Path dir = Path.of(System.getProperty("ringlab.repo", ".")).resolve("../shared/reference-checkpoints").normalize();
        Path file = dir.resolve(name);
        assumeTrue(Files.isRegularFile(file), "reference checkpoint " + file + " is not here");
        return file;
    }
}
