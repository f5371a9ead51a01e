package org.ringlab.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.PositionSnapshot;

class TruthfulBitsTest {
    /** What the trainer writes for a ternary run (schema of docs/comparison.md), by hand. */
    static final String TWN_BITS = """
            {"method": "twn", "method_label": "TWN (ternary)", "nominal_bits": 1.585, "distinct_levels": 3,
             "level_bits": 2.0, "entropy_bits": 1.41, "side_bits_per_weight": 0.0125, "quantized_weights": 51200,
             "float_params": 1300, "cr_weights_only": 15.9, "cr_whole_model": 11.2,
             "layers": [{"layer": "conv1", "weights": 150, "nominal_bits": 1.585, "distinct_levels": 3,
                         "level_bits": 2, "entropy_bits": 1.5, "side_floats": 1}]}
            """;

    @TempDir
    Path tmp;

    private Table table(Path... runs) throws IOException {
        return ComparisonTable.of(RunTable.read(List.of(runs)));
    }

    private static Object cell(Table t, int row, String column) {
        return t.column(column).get(row);
    }

    @Test
    void bitsJsonIsReportedAsWritten() throws IOException {
        Path run = RunDirs.ring(tmp, "twn", 1, 0.9);
        Files.writeString(run.resolve("bits.json"), TWN_BITS);
        Table t = table(run);
        assertEquals("TWN (ternary)", cell(t, 0, "method"));
        assertEquals(1.585, cell(t, 0, "nominal_bits"));
        assertEquals(3, cell(t, 0, "levels"));
        assertEquals(2.0, cell(t, 0, "level_bits"));
        assertEquals(1.41, cell(t, 0, "entropy_bits"));
        assertEquals(0.0125, cell(t, 0, "side_bits"));
        assertEquals(15.9, cell(t, 0, "cr_weights"));
        assertEquals(11.2, cell(t, 0, "cr_model"));
        RecordedBits bits = RunTable.read(List.of(run)).runs().get(0).bits();
        assertEquals(RecordedBits.Source.BITS_JSON, bits.source());
        assertEquals(51200L, bits.quantizedWeights());
        assertEquals(1300L, bits.floatParams());
    }

    @Test
    void fp32BitsJsonHasNoLevelsAndNeedsNoSnappedAccuracy() throws IOException {
        Path run = RunDirs.fp32(tmp, "fp");
        Files.writeString(run.resolve("bits.json"), """
                {"method": "fp32", "method_label": "FP32", "nominal_bits": 32, "distinct_levels": null,
                 "level_bits": 32, "entropy_bits": null, "side_bits_per_weight": 0, "quantized_weights": 0,
                 "float_params": 44426, "cr_weights_only": 1.0, "cr_whole_model": 1.0, "layers": []}
                """);
        Table t = table(run);
        assertEquals("FP32", cell(t, 0, "method"));
        assertNull(cell(t, 0, "levels"));
        assertTrue(Cells.isEmpty(cell(t, 0, "entropy_bits")), "null reads as unknown, not 0");
        assertNull(cell(t, 0, "note"));
    }

    @Test
    void aBitsJsonWithAWrongTypeNamesTheFileAndKey() throws IOException {
        Path run = RunDirs.ring(tmp, "bad", 1, 0.9);
        Files.writeString(run.resolve("bits.json"), TWN_BITS.replace("\"entropy_bits\": 1.41", "\"entropy_bits\": \"low\""));
        IOException e = assertThrows(IOException.class, () -> RunTable.read(List.of(run)));
        assertTrue(e.getMessage().contains(run.resolve("bits.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("entropy_bits"), e.getMessage());
        Files.writeString(run.resolve("bits.json"), "{\"method\": ");
        e = assertThrows(IOException.class, () -> RunTable.read(List.of(run)));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }

    @Test
    void aRingRunWithoutBitsJsonTakesItsEntropyFromTheLastSnapshot() throws IOException {
        Path run = RunDirs.ring(tmp, "ring", 1, 0.9);
        ObjectMapper json = new ObjectMapper();
        // a cut-off last line (a killed run) is skipped: the line before describes the weights
        Files.write(run.resolve("snapshots.jsonl"), List.of(
                json.writeValueAsString(snapshot(0, 2.0, 2.0)),
                json.writeValueAsString(snapshot(100, 1.0, 1.6)),
                "{\"step\": 150, \"layers\": [{\"la"));
        Table t = table(run);
        // conv1 has 100 weights at 1.0 bit, fc1 300 weights at 1.6 bits
        assertEquals((100 * 1.0 + 300 * 1.6) / 400, (Double) cell(t, 0, "entropy_bits"), 1e-12);
        assertEquals(3.0, cell(t, 0, "nominal_bits"));
        assertEquals(4, cell(t, 0, "levels"));
        assertEquals(2.0, cell(t, 0, "level_bits"));
        assertEquals(0.0, cell(t, 0, "side_bits"));
        assertEquals(16.0, cell(t, 0, "cr_weights"), "32 bits over a 2-bit code");
        assertTrue(Cells.isEmpty(cell(t, 0, "cr_model")), "float parameter count unknown: left empty");
        RecordedBits bits = RunTable.read(List.of(run)).runs().get(0).bits();
        assertEquals(RecordedBits.Source.CONFIG_AND_SNAPSHOT, bits.source());
        assertEquals(400L, bits.quantizedWeights());
    }

    @Test
    void aRingRunWithoutSnapshotsHasNoEntropy() throws IOException {
        Table t = table(RunDirs.ring(tmp, "ring", 1, 0.9));
        assertTrue(Cells.isEmpty(cell(t, 0, "entropy_bits")));
        assertEquals(16.0, cell(t, 0, "cr_weights"));
    }

    @Test
    void seedsThatDisagreeOnEntropyGetAnEstimate() throws IOException {
        Path a = RunDirs.ring(tmp, "a", 1, 0.9);
        Path b = RunDirs.ring(tmp, "b", 2, 0.9);
        Files.writeString(a.resolve("bits.json"), TWN_BITS);
        Files.writeString(b.resolve("bits.json"), TWN_BITS.replace("1.41", "1.45"));
        Table t = table(a, b);
        assertEquals(1, t.rows().size());
        Estimate entropy = assertInstanceOf(Estimate.class, cell(t, 0, "entropy_bits"));
        assertEquals(1.43, entropy.mean(), 1e-12);
        assertEquals(2.0, cell(t, 0, "level_bits"), "shared figures stay plain numbers");
    }

    @Test
    void aQuantizedRunWithoutSnappedAccuracyOrThatDivergedIsMarked() throws IOException {
        Path soft = RunDirs.write(tmp.resolve("soft"), RunConfig.defaults().toBuilder().seed(1).build(),
                RunDirs.HEADER + "1,100,0.5,0.8,0.9,,,0.001,1000,10.0,10.0\n");
        Path diverged = RunDirs.write(tmp.resolve("div"), RunConfig.defaults().toBuilder().lr(10).build(),
                RunDirs.HEADER + "1,100,0.5,0.8,0.1,0.1,0.1,10,1000,10.0,10.0\n");
        Files.writeString(diverged.resolve("run.json"), "{\"status\": \"diverged\"}");
        Table t = table(soft, diverged);
        assertEquals("no snapped accuracy: soft only", cell(t, 0, "note"));
        assertEquals("diverged", cell(t, 1, "note"));
    }

    @Test
    void aSeedGroupNamesItsUnfinishedRun() throws IOException {
        Path a = RunDirs.ring(tmp, "a", 1, 0.9);
        Path b = RunDirs.ring(tmp, "b", 2, 0.9);
        Files.writeString(b.resolve("run.json"), "{\"status\": \"stopped\"}");
        assertEquals("b stopped", cell(table(a, b), 0, "note"));
    }

    @Test
    void sortingPutsEmptyCellsLastEitherWay() throws IOException {
        Table t = table(RunDirs.fp32(tmp, "fp"), RunDirs.ring(tmp, "lo", 1, 0.5),
                RunDirs.write(tmp.resolve("hi"), RunConfig.defaults().toBuilder().lr(0.01).build(),
                        RunDirs.HEADER + "1,100,0.5,0.8,0.99,0.9,0.9,0.001,1000,10.0,10.0\n"));
        assertEquals(List.of("hi", "lo", "fp"), t.sortedBy("final_snapped", true).column("run"));
        assertEquals(List.of("lo", "hi", "fp"), t.sortedBy("final_snapped", false).column("run"));
        assertEquals(List.of("fp", "hi", "lo"), t.sortedBy("run", false).column("run"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.sortedBy("acc", true));
        assertTrue(e.getMessage().contains("final_soft"), e.getMessage());
    }

    private static PositionSnapshot snapshot(int step, double conv1Entropy, double fc1Entropy) {
        return new PositionSnapshot(step, 1, 0.0, List.of(layer("conv1", 100, conv1Entropy), layer("fc1", 300, fc1Entropy)));
    }

    private static LayerSnapshot layer(String name, long weights, double entropy) {
        return new LayerSnapshot(name, 8, 1, weights, new int[8], new long[8], Double.NaN, entropy, 0.5);
    }
}
