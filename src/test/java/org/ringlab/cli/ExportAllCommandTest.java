package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportAllCommandTest {

    @Test
    void refusesAnUnknownFormatAndAFolderThatIsNoRun(@TempDir Path tmp) {
        String line = Cli.run("export-all", "--run", tmp.toString(), "--out-dir", tmp.toString(), "--formats", "jpg")
                .assertUsageError();
        assertTrue(line.contains("jpg"), line);
        line = Cli.run("export-all", "--run", tmp.toString(), "--out-dir", tmp.resolve("f").toString())
                .assertUsageError();
        assertTrue(line.contains(tmp.toString()), line);
    }

    @Test
    void helpExits0() {
        assertEquals(0, Cli.run("export-all", "--help").code());
    }

    @Test
    void noGifWritesNoAnimationAndNonRingRunsGetLatentHistograms(@TempDir Path tmp) throws java.io.IOException {
        Path ring = org.ringlab.figures.TinyRunsAccess.write(tmp.resolve("ring"));
        Path lsq = org.ringlab.figures.TinyRunsAccess.writeLatent(tmp.resolve("lsq"));
        Path out = tmp.resolve("figures");
        Cli.Result r = Cli.run("export-all", "--run", ring.toString(), "--run", lsq.toString(), "--out-dir",
                out.toString(), "--formats", "pdf", "--size", "acm-single", "--no-gif");
        assertEquals(0, r.code(), r.err());
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(out)) {
            java.util.List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".gif")), names.toString());
            assertTrue(names.contains("lsq-conv1-histogram.pdf") && names.contains("ring-fc1-ring.pdf"),
                    names.toString());
        }
    }

    @Test
    void animationsMp4WritesA1080pVideoOfEachRingLayerAndNoGif(@TempDir Path tmp) throws java.io.IOException {
        Path ring = org.ringlab.figures.TinyRunsAccess.write(tmp.resolve("ring"));
        Path out = tmp.resolve("figures");
        Cli.Result r = Cli.run("export-all", "--run", ring.toString(), "--out-dir", out.toString(), "--formats", "svg",
                "--animations", "mp4");
        assertEquals(0, r.code(), r.err());
        Path video = out.resolve("ring-fc1-ring.mp4");
        byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(video), 12);
        assertEquals("ftyp", new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII), "an MP4 box");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".gif")), "only the formats asked for");
        }
    }

    @Test
    void anUnknownAnimationFormatIsOneLine(@TempDir Path tmp) throws java.io.IOException {
        Path ring = org.ringlab.figures.TinyRunsAccess.write(tmp.resolve("ring"));
        Cli.Result r = Cli.run("export-all", "--run", ring.toString(), "--out-dir", tmp.resolve("f").toString(),
                "--animations", "webm");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--animations webm: expected gif or mp4 or none"), r.err());
    }
}
