package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFigureCommandTest {
    /** A real three-epoch LeNet triangle-8 run, if this checkout's main worktree has it. */
    @TempDir
    Path tmp;

    /** A generated run's config, metrics and snapshots: all a figure reads, the same on every machine. */
    private Path run() throws IOException {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        return org.ringlab.figures.TinyRunsAccess.write(dir);
    }

    @Test
    void writesEachFigure() throws IOException {
        Path run = run();
        String[][] cases = {{"accuracy", "svg"}, {"loss", "pdf"}, {"lr", "svg"}, {"ring", "svg"}, {"histogram", "pdf"}};
        for (String[] c : cases) {
            Path out = tmp.resolve("fig-" + c[0] + "." + c[1]);
            Cli.Result r = Cli.run("export", "--run", run.toString(), "--figure", c[0], "--format", c[1],
                    "--title", "LeNet", "--out", out.toString());
            assertEquals(0, r.code(), () -> c[0] + ": " + r.err());
            assertTrue(Files.size(out) > 1000, out + " is tiny");
            assertTrue(r.out().contains("wrote"), r.out());
        }
    }

    @Test
    void pngAtThreeHundredDpiAndSevenInches() throws IOException {
        Path out = tmp.resolve("ring.png");
        Cli.Result r = Cli.run("export", "--run", run().toString(), "--figure", "ring", "--format", "png",
                "--width-in", "7", "--height-in", "4", "--dpi", "150", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        var image = ImageIO.read(out.toFile());
        assertEquals(1050, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    @Test
    void badFigureIsAUsageError() throws IOException {
        String line = Cli.run("export", "--run", run().toString(), "--figure", "pie", "--format", "svg", "--out",
                tmp.resolve("x.svg").toString()).assertUsageError();
        assertTrue(line.contains("--figure"), line);
    }

    @Test
    void missingRunIsAUsageError() {
        String line = Cli.run("export", "--figure", "accuracy", "--format", "svg", "--out",
                tmp.resolve("x.svg").toString()).assertUsageError();
        assertTrue(line.contains("--run"), line);
    }

    @Test
    void badInputsAreOneLineUsageErrors() throws IOException {
        Path run = run();
        Path out = tmp.resolve("x.svg");
        Stream.of(new String[] {"--format", "gif"}, new String[] {"--dpi", "72"},
                new String[] {"--layer", "nope", "--figure", "ring"}, new String[] {"--step", "7", "--figure", "ring"})
                .forEach(extra -> {
                    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("export", "--run",
                            run.toString(), "--figure", "accuracy", "--format", "svg", "--out", out.toString()));
                    args.addAll(java.util.List.of(extra));
                    Cli.run(args.toArray(String[]::new)).assertUsageError();
                });
        String line = Cli.run("export", "--run", tmp.resolve("absent").toString(), "--figure", "accuracy",
                "--format", "svg", "--out", out.toString()).assertUsageError();
        assertTrue(line.contains("absent"), line);
    }

    @Test
    void venuePresetsSetTheWidthAndAreListedInHelp() throws IOException {
        Path out = tmp.resolve("acc.png");
        Cli.Result r = Cli.run("export", "--run", run().toString(), "--figure", "accuracy", "--format", "png",
                "--size", "ieee-double", "--dpi", "150", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        var image = ImageIO.read(out.toFile());
        // 7.16 in at 150 dpi, height × 0.75
        assertEquals(1074, image.getWidth());
        assertEquals(806, image.getHeight());
        String help = Cli.run("export", "--help").out();
        for (String preset : new String[] {"ieee-single (3.5 in)", "ieee-double (7.16 in)", "icml-single (3.25 in)",
            "icml-double (6.75 in)", "neurips (5.5 in)", "acm-single (3.33 in)", "acm-double (7.0 in)"}) {
            assertTrue(help.replaceAll("\\s+", " ").contains(preset), preset + " not in --help:\n" + help);
        }
        String line = Cli.run("export", "--run", run().toString(), "--figure", "accuracy", "--format", "png",
                "--size", "ieee-single", "--width-in", "3", "--out", out.toString()).assertUsageError();
        assertTrue(line.contains("--size") && line.contains("--width-in"), line);
        line = Cli.run("export", "--run", run().toString(), "--figure", "accuracy", "--format", "png",
                "--size", "a4", "--out", out.toString()).assertUsageError();
        assertTrue(line.contains("ieee-single"), line);
    }

    @Test
    void fontColumnsAndTheHistogramOfANonRingMethod() throws IOException {
        Path lsq = org.ringlab.figures.TinyRunsAccess.writeLatent(tmp.resolve("lsq"));
        Path hist = tmp.resolve("hist.svg");
        Cli.Result r = Cli.run("export", "--run", lsq.toString(), "--figure", "histogram", "--format", "svg",
                "--font", "sans", "--out", hist.toString());
        assertEquals(0, r.code(), r.err());
        String svg = Files.readString(hist);
        assertTrue(svg.contains("v/s") && svg.contains("Liberation Sans"), "latent axis in the sans face");
        Path table = tmp.resolve("table.svg");
        r = Cli.run("export", "--run", run().toString(), "--run", lsq.toString(), "--figure", "comparison",
                "--format", "svg", "--columns", "run,levels,snapped", "--out", table.toString());
        assertEquals(0, r.code(), r.err());
        svg = Files.readString(table);
        // the header wraps above the narrower numbers: "Snapped / acc. (%)"
        assertTrue(svg.contains(">Snapped<") && svg.contains("LSQ W2") && !svg.contains(">Soft<"), svg);
        for (String[] bad : new String[][] {{"--font", "comic"}, {"--columns", "run,soft"}, {"--smoothing", "1"}}) {
            String line = Cli.run("export", "--run", run().toString(), "--figure", "comparison", "--format", "svg",
                    bad[0], bad[1], "--out", table.toString()).assertUsageError();
            assertTrue(line.contains(bad[0]), line);
        }
    }
}
