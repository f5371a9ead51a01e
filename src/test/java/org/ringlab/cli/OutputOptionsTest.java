package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's --out / --out-dir: empty, a device, or the wrong kind is one line before anything runs. */
class OutputOptionsTest {

    @Test
    void anEmptyOutIsRefusedInsteadOfWritingIntoTheCurrentFolder(@TempDir Path tmp) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        long before = count(cwd);
        assertEquals("ringlab: --out is empty; name a folder", Cli.run(Cli.tinyTrain(tmp, "--out", ""))
                .assertUsageError());
        assertEquals(before, count(cwd), "nothing was written into the current folder");
        assertEquals("ringlab: --out is empty; name a file",
                Cli.run("export-data", "--run", tmp.toString(), "--format", "csv", "--out", "").assertUsageError());
        assertEquals("ringlab: --out-dir is empty; name a folder",
                Cli.run("export-all", "--run", tmp.toString(), "--out-dir", " ").assertUsageError());
    }

    @Test
    void aDeviceOrAPathOfTheWrongKindIsNamedAsSuch(@TempDir Path tmp) throws Exception {
        assertEquals("ringlab: --out /dev/null is a device or other special file, not a folder",
                Cli.run(Cli.tinyTrain(tmp, "--out", "/dev/null")).assertUsageError());
        assertEquals("ringlab: --out /dev/null is a device or other special file, not a regular file",
                Cli.run("export-data", "--run", tmp.toString(), "--format", "csv", "--out", "/dev/null")
                        .assertUsageError());
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertEquals("ringlab: --out " + file + " is a file, not a folder",
                Cli.run(Cli.tinyTrain(tmp, "--out", file.toString())).assertUsageError());
        assertEquals("ringlab: --out " + tmp + " is a folder, not a regular file",
                Cli.run("export-data", "--run", tmp.toString(), "--format", "csv", "--out", tmp.toString())
                        .assertUsageError());
        assertEquals("x", Files.readString(file), "untouched");
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
