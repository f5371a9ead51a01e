package org.ringlab.figures;

import java.io.IOException;
import java.nio.file.Path;

/** Lets the CLI tests, in another package, build a tiny run where the real one is absent. */
public final class TinyRunsAccess {
    private TinyRunsAccess() {
    }

    public static Path write(Path dir) throws IOException {
        return TinyRuns.write(dir, 42, 90, 95, 97);
    }

    /** An unnamed LSQ W2 run with latent histograms (a non-ring method). */
    public static Path writeLatent(Path dir) throws IOException {
        return TinyRuns.writeLatent(dir, null, 90, 95);
    }
}
