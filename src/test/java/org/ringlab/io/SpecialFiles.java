package org.ringlab.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Named pipes and devices where tests expect a reader to refuse rather than block or read forever. */
public final class SpecialFiles {
    /** A character device that reads as an endless run of zero bytes. */
    public static final Path DEV_ZERO = Path.of("/dev/zero");

    private SpecialFiles() {
    }

    /** Makes a named pipe {@code dir/name} with mkfifo(1); skips the test where there is none. */
    public static Path fifo(Path dir, String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            throw e;
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        assumeTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "mkfifo made no pipe");
        return fifo;
    }

    /** Skips the test where /dev/zero is missing (not Linux or macOS). */
    public static Path devZero() {
        assumeTrue(Files.exists(DEV_ZERO) && !Files.isRegularFile(DEV_ZERO), "no /dev/zero");
        return DEV_ZERO;
    }
}
