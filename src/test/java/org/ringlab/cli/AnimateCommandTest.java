package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimateCommandTest {
    @TempDir
    Path tmp;

    private Path run() throws IOException {
        return org.ringlab.figures.TinyRunsAccess.write(tmp.resolve("run"));
    }

    @Test
    void writesAnMp4AndAGif() throws IOException {
        Path run = run();
        Path mp4 = tmp.resolve("ring.mp4");
        Cli.Result r = Cli.run("animate", "--run", run.toString(), "--format", "mp4", "--out", mp4.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1920×1080 H.264, 2 frames"), r.out());
        assertTrue(Files.size(mp4) > 1000);
        Path gif = tmp.resolve("ring.gif");
        r = Cli.run("animate", "--run", run.toString(), "--format", "GIF", "--layer", "conv1", "--frame-ms", "100",
                "--out", gif.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(525, ImageIO.read(gif.toFile()).getWidth());
    }

    @Test
    void badParametersAreOneLineUsageErrors() throws IOException {
        Path run = run();
        Path out = tmp.resolve("x.mp4");
        String line = Cli.run("animate", "--run", run.toString(), "--format", "avi", "--out", out.toString())
                .assertUsageError();
        assertTrue(line.contains("--format avi"), line);
        line = Cli.run("animate", "--run", run.toString(), "--format", "mp4", "--frame-ms", "5", "--out",
                out.toString()).assertUsageError();
        assertTrue(line.contains("--frame-ms 5"), line);
        line = Cli.run("animate", "--run", run.toString(), "--format", "mp4", "--layer", "nope", "--out",
                out.toString()).assertUsageError();
        assertTrue(line.contains("nope"), line);
        line = Cli.run("animate", "--run", tmp.resolve("absent").toString(), "--format", "mp4", "--out",
                out.toString()).assertUsageError();
        assertTrue(line.contains("absent"), line);
        assertFalse(Files.exists(out));
    }
}
