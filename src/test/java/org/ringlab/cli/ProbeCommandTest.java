package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ringlab probe} on tiny MNIST MLPs: an FP32 run, a ring run started from it (its init-from is
 * the probe's default FP32 network) and, for a mismatch, a LeNet.
 */
class ProbeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path fp32;
    private static Path ring;

    @BeforeAll
    static void trainTinyRuns() {
        fp32 = tmp.resolve("fp32");
        ring = tmp.resolve("ring");
        Cli.Result f = Cli.run(Cli.tinyTrain(fp32, "--method", "fp32"));
        assertEquals(0, f.code(), f.err());
        Cli.Result r = Cli.run(Cli.tinyTrain(ring, "--init-from", fp32.toString()));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void printsOneRowPerLayerWithTheRunsInitFromAsTheFp32Network() throws IOException {
        Path svg = tmp.resolve("probe.svg");
        Cli.Result r = Cli.run("probe", "--run", ring.toString(), "--images", "200", "--figure", svg.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("200 test images (seed 1): accuracy FP32 ") && lines.get(0).contains(
                "FP32 from " + fp32), lines.get(0));
        assertTrue(lines.get(1).startsWith("| layer") && lines.get(1).contains("D quantized / D FP32"), r.out());
        // the MLP's two points: the hidden layer and the logits (its float classifier, unquantized by default)
        assertTrue(lines.get(3).startsWith("| fc1 | 256 ") && lines.get(4).startsWith("| logits (linear #1) | 10 "),
                r.out());
        assertTrue(Files.readString(svg).contains("FP32 ternary (INFERRED"), "the figure's legend");

        JsonNode rows = JSON.readTree(Cli.run("probe", "--run", ring.toString(), "--fp32", fp32.toString(), "--images",
                "200", "--format", "json").out());
        assertEquals(2, rows.size(), rows.toString());
        for (JsonNode row : rows) {
            double d = row.get("D FP32").asDouble();
            assertTrue(d > 1 && Double.isFinite(row.get("D quantized").asDouble()), row.toString());
            assertEquals(row.get("D quantized").asDouble() / d, row.get("D quantized / D FP32").asDouble(), 1e-3);
        }
        // a trained network separates the classes more at its logits than a random pair would (D = 1)
        assertTrue(rows.get(1).get("D FP32").asDouble() > 1.5, rows.toString());
        JsonNode again = JSON.readTree(Cli.run("probe", "--run", ring.toString(), "--images", "200", "--format",
                "json", "--digits", "17").out());
        JsonNode other = JSON.readTree(Cli.run("probe", "--run", ring.toString(), "--images", "200", "--format",
                "json", "--digits", "17", "--seed", "2").out());
        assertTrue(again.get(0).get("D FP32").asDouble() != other.get(0).get("D FP32").asDouble(),
                "another seed draws another sample");
    }

    @Test
    void badInputIsOneLine() {
        String missing = Cli.run("probe", "--run", tmp.resolve("nope").toString()).assertUsageError();
        assertTrue(missing.contains("--run " + tmp.resolve("nope")) && missing.contains("no such run"), missing);
        String fp32AsRun = Cli.run("probe", "--run", fp32.toString()).assertUsageError();
        assertTrue(fp32AsRun.contains(fp32 + ": an FP32 run"), fp32AsRun);
        String quantizedAsFp32 = Cli.run("probe", "--run", ring.toString(), "--fp32", ring.toString())
                .assertUsageError();
        assertTrue(quantizedAsFp32.contains("the reference must be an FP32 run"), quantizedAsFp32);
        Path lenet = tmp.resolve("lenet");
        assertEquals(0, Cli.run(Cli.tinyTrain(lenet, "--method", "fp32", "--model", "lenet", "--limit-train", "128"))
                .code());
        String mismatch = Cli.run("probe", "--run", ring.toString(), "--fp32", lenet.toString()).assertUsageError();
        assertTrue(mismatch.contains(lenet + ": an FP32 lenet; the run is a mlp: not the same architecture"),
                mismatch);
        String noInit = Cli.run("probe", "--run", lenet.toString()).assertUsageError();
        assertTrue(noInit.contains("an FP32 run"), noInit);
        String images = Cli.run("probe", "--run", ring.toString(), "--images", "1").assertUsageError();
        assertTrue(images.contains("--images must be at least 2"), images);
    }
}
