package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ringlab sweep}: the grid, its validation, and a tiny real sweep on sample MNIST. */
class SweepCommandTest {
    @TempDir
    Path tmp;

    /** A sweep on the tiny subset {@link Cli#tinyTrain} uses, into {@code outDir}. */
    private static String[] sweep(Path outDir, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", "--data", Cli.SAMPLE_DATA.toString(), "--model", "mlp",
                "--limit-train", "512", "--limit-test", "256", "--epochs", "1", "--threads", "1",
                "--bn-recal-batches", "2", "--snapshot-every", "1000", "--out-dir", outDir.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void dryRunPrintsTheGridAndTrainsNothing() {
        Path out = tmp.resolve("sweep");
        Cli.Result r = Cli.run(sweep(out, "--methods", "fp32,ring", "--ring-types", "triangle,sin", "--ring-sizes", "4,8",
                "--seeds", "1,2", "--dry-run"));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2 + 2 * 2 * 2 + 1, lines.size(), r.out());
        assertEquals("mlp-fp32-s1  method=fp32 seed=1", lines.get(0));
        assertEquals("mlp-ring-sin8-s2  method=ring ring=sin-8 seed=2", lines.get(9));
        assertTrue(lines.get(10).startsWith("10 run(s) into "), lines.get(10));
        assertFalse(Files.exists(out), "a dry run creates nothing");
    }

    @Test
    void activationBitWidthsGiveEachQuantizedMethodAFloatAndAWaPoint() {
        Path out = tmp.resolve("wa");
        // the MLP's only inputs are the image and the float classifier's: LeNet has quantized inputs to vary
        String[] args = sweep(out, "--methods", "fp32,lsq", "--bit-widths", "2", "--act-bit-widths", "none,2",
                "--seeds", "1", "--dry-run");
        args[List.of(args).indexOf("mlp")] = "lenet";
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("lenet-fp32-s1  method=fp32 seed=1", "lenet-lsq-b2-s1  method=lsq bits=2 seed=1",
                "lenet-lsq-b2-a2-s1  method=lsq bits=2 act-bits=2 seed=1"), lines.subList(0, 3));
        assertTrue(Cli.run(sweep(out, "--methods", "lsq", "--act-bit-widths", "two")).assertUsageError()
                .contains("--act-bit-widths two: expected a number of bits (1 or more) or none"));
    }

    @Test
    void anInvalidGridListsEveryProblemAndStartsNothing() {
        Path out = tmp.resolve("bad");
        String line = Cli.run(sweep(out, "--methods", "ring,lsq", "--ring-sizes", "1,8", "--bit-widths", "2,9",
                "--seeds", "1")).assertUsageError();
        assertTrue(line.contains("2 problems"), line);
        assertTrue(line.contains("mlp-ring-triangle1-s1: ") && line.contains("mlp-lsq-b9-s1: "), line);
        assertFalse(Files.exists(out));
        assertTrue(Cli.run(sweep(out, "--out", "x")).assertUsageError().contains("--out-dir"));
    }

    @Test
    void trainsEachPointIntoItsOwnDirectoryAndPrintsTheTable() throws Exception {
        Path out = tmp.resolve("real");
        Cli.Result r = Cli.run(sweep(out, "--methods", "fp32,ring", "--ring-sizes", "4", "--seeds", "1,2"));
        assertEquals(0, r.code(), r.out() + r.err());
        for (String name : List.of("mlp-fp32-s1", "mlp-fp32-s2", "mlp-ring-triangle4-s1", "mlp-ring-triangle4-s2")) {
            assertTrue(Files.isRegularFile(out.resolve(name).resolve("metrics.csv")), name);
            assertTrue(Files.readString(out.resolve(name).resolve("run.json")).contains("finished"), name);
        }
        assertTrue(r.out().contains("[4/4] mlp-ring-triangle4-s2"), r.out());
        assertTrue(r.out().contains("4 of 4 run(s) finished"), r.out());
        List<String> table = r.out().lines().filter(l -> l.startsWith("| ")).toList();
        assertEquals(4, table.size(), r.out());
        assertTrue(table.get(2).startsWith("| mlp-fp32-s1, mlp-fp32-s2 | FP32 baseline | mlp | 32 |"), table.get(2));
        // nominal 2 bits, float (32-bit) activations, 2 levels, a 1-bit code
        assertTrue(table.get(3).startsWith("| mlp-ring-triangle4-s1, mlp-ring-triangle4-s2 | ")
                && table.get(3).contains(" | mlp | 2 | 32 | 2 | 1 |"), table.get(3));
        assertTrue(table.get(3).contains(" ± "), "two seeds give mean ± std: " + table.get(3));
        assertEquals(Files.readString(out.resolve("comparison.md")).strip(), String.join("\n", table));
        // the same folder again: every point already holds a run
        assertTrue(Cli.run(sweep(out, "--methods", "fp32", "--seeds", "1")).assertUsageError()
                .contains("already holds a run"));
        // --resume keeps the finished runs and trains only the new point, in grid order in the table
        Files.writeString(out.resolve("mlp-fp32-s2/run.json"), "{\"status\": \"stopped\"}");
        String refused = Cli.run(sweep(out, "--methods", "fp32", "--seeds", "1,2", "--resume")).assertUsageError();
        assertTrue(refused.contains("mlp-fp32-s2") && refused.contains("did not finish (stopped)"), refused);
        Cli.Result resumed = Cli.run(sweep(out, "--methods", "fp32,ring", "--ring-sizes", "4,8", "--seeds", "1",
                "--resume"));
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("keeping 2 finished run(s)"), resumed.out());
        assertTrue(resumed.out().contains("[1/1] mlp-ring-triangle8-s1"), resumed.out());
        assertTrue(resumed.out().contains("3 of 3 run(s) finished"), resumed.out());
    }
}
