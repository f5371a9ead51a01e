package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.data.TestFiles;
import org.ringlab.io.SpecialFiles;

/** Hostile files given to the CLI (issue 16): one line, a usage error, quickly, and no run directory. */
class HostileInputCliTest {
    private static final Duration QUICKLY = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private String refusal(String... args) {
        String line = assertTimeoutPreemptively(QUICKLY, () -> Cli.run(args).assertUsageError());
        assertFalse(Files.exists(tmp.resolve("run")), "a refused call created its run directory");
        return line;
    }

    private static void assertContains(String line, String part) {
        assertTrue(line.contains(part), () -> "expected \"" + part + "\" in: " + line);
    }

    @Test
    void configOnAFolderSaysItIsAFolder() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("conf.json"));
        assertEquals("ringlab: --config " + folder + " is a folder, not a file",
                refusal(Cli.tinyTrain(tmp.resolve("run"), "--config", folder.toString())));
    }

    @Test
    void configOnADeviceOrAPipeSaysWhatItIs() throws Exception {
        Path zero = SpecialFiles.devZero();
        assertEquals("ringlab: --config /dev/zero is a character device, not a regular file",
                refusal(Cli.tinyTrain(tmp.resolve("run"), "--config", zero.toString())));
        Path fifo = SpecialFiles.fifo(tmp, "pipe.json");
        assertEquals("ringlab: --config " + fifo + " is a named pipe (FIFO), not a regular file",
                refusal(Cli.tinyTrain(tmp.resolve("run"), "--config", fifo.toString())));
    }

    @Test
    void trainingOnImagesBeyondTheImageSizeCapIsRefused() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"));
        TestFiles.writeSmallIdxFolder(data, false);
        byte[] header = ByteBuffer.allocate(16).putInt(0x803).putInt(6).putInt(2048).putInt(2048).array();
        TestFiles.write(data, "train-images-idx3-ubyte", header);

        assertContains(refusal(Cli.tinyTrain(tmp.resolve("run"), "--data", data.toString())),
                "images are 2048x2048 pixels; RingLab reads images of at most 1024x1024");
    }

    @Test
    void trainingOnAGzipHeaderClaimingTwoBillionLabelsIsRefused() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"));
        TestFiles.writeSmallIdxFolder(data, true);
        byte[] header = ByteBuffer.allocate(8 + 4096).putInt(0x801).putInt(2_147_483_639).array();
        TestFiles.write(data, "train-labels-idx1-ubyte.gz", TestFiles.gzip(header));

        assertContains(refusal(Cli.tinyTrain(tmp.resolve("run"), "--data", data.toString())),
                "train-labels-idx1-ubyte.gz: header says 2147483639 labels");
    }

    @Test
    void importOfAPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = SpecialFiles.fifo(tmp, "model.pth");
        assertEquals("ringlab: " + fifo + ": is a named pipe (FIFO), not a regular file", refusal("import", fifo.toString()));
    }
}
