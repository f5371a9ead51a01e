package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.quant.BitAccounting;
import org.ringlab.quant.CodeHistogram;

/**
 * bits.json: the schema the compare tools read, and the figures of docs/methods/bits.md#compression on known tensors.
 */
class BitsReportTest {

    @Test
    void codeHistogramCountsLevelsWithToleranceAndItsEntropy() {
        CodeHistogram h = CodeHistogram.of(new float[] {-1, -1, 0, 1, 0.3333333f, 0.33333334f + 4e-6f});
        assertEquals(4, h.levels(), "the two thirds differ by less than 1e-5: one level");
        assertEquals(2, h.fixedLengthBits());
        double third = Math.log(3) / Math.log(2);
        double sixth = Math.log(6) / Math.log(2);
        assertEquals(2 * third / 3 + 2 * sixth / 6, h.entropyBits(), 1e-12, "counts 2, 1, 2, 1 of 6");
        assertEquals(List.of(0, 0, 1, 3, 2, 2), java.util.Arrays.stream(h.indexOf(
                new float[] {-1, -1, 0, 1, 0.3333333f, 0.33333334f + 4e-6f})).boxed().toList());
    }

    @Test
    void wholeModelRatioReproducesTheSpecsResNet20Ring4Figure() {
        // docs/methods/ring.md#readme-claims: 270,256 ring-4 positions at 1 bit, 2,218 float parameters (BN affine +
        // FC): 25.6×
        BitsReport.Layer layer = new BitsReport.Layer("all", 270_256, 2, 2, 1, 0.96, 0);
        BitsReport r = BitsReport.summarise("ring", "Ring", List.of(layer),
                List.of(new BitAccounting.QuantizedTensor("all", 270_256, 1, 0)), 2_218);
        assertEquals(25.55, r.crWholeModel(), 0.01);
        assertEquals(32.0, r.crWeightsOnly(), 1e-9);
        assertEquals(2, r.distinctLevels());
        assertEquals(0.0, r.sideBitsPerWeight());
    }

    @Test
    void sideInformationCountsAgainstTheWeights() {
        // TWN paper on two layers: 2 bits per weight plus one fp32 α each
        List<BitsReport.Layer> layers = List.of(new BitsReport.Layer("a", 100, 1.585, 3, 2, 1.5, 1),
                new BitsReport.Layer("b", 300, 1.585, 2, 1, 0.9, 1));
        BitsReport r = BitsReport.summarise("twn", "TWN", layers, List.of(
                new BitAccounting.QuantizedTensor("a", 100, 2, 1), new BitAccounting.QuantizedTensor("b", 300, 1, 1)),
                50);
        assertEquals((100 * 2 + 300 * 1) / 400.0, r.levelBits(), 1e-12, "weight-averaged ceil(log2 L)");
        assertEquals((100 * 1.5 + 300 * 0.9) / 400.0, r.entropyBits(), 1e-12);
        assertEquals(64.0 / 400, r.sideBitsPerWeight(), 1e-12);
        assertEquals(3, r.distinctLevels(), "max over layers");
        assertEquals(32.0 * 400 / (500 + 64), r.crWeightsOnly(), 1e-9);
        assertEquals(32.0 * 450 / (500 + 64 + 32 * 50), r.crWholeModel(), 1e-9);
    }

    @Test
    void writesTheAgreedSnakeCaseSchemaAtomically(@TempDir Path dir) throws Exception {
        BitsReport r = BitsReport.summarise("lsq", "LSQ 2-bit", List.of(new BitsReport.Layer("conv1", 150, 2, 4, 2,
                1.9, 1)), List.of(new BitAccounting.QuantizedTensor("conv1", 150, 2, 1)), 10);
        Path file = dir.resolve(BitsReport.FILE);
        r.writeTo(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        List<String> keys = List.of("method", "method_label", "nominal_bits", "distinct_levels", "level_bits",
                "entropy_bits", "side_bits_per_weight", "quantized_weights", "float_params", "cr_weights_only",
                "cr_whole_model", "layers", "activation_bits", "activation_quantizer");
        assertEquals(keys, iterable(json));
        assertEquals(List.of("layer", "weights", "nominal_bits", "distinct_levels", "level_bits", "entropy_bits",
                "side_floats", "input_bits"), iterable(json.get("layers").get(0)));
        assertTrue(json.get("activation_bits").isNull(), "float activations");
        assertTrue(json.get("layers").get(0).get("input_bits").isNull(), "a float input");
        assertEquals("conv1", json.get("layers").get(0).get("layer").asText());
        assertTrue(json.get("layers").get(0).get("level_bits").isInt());
        assertEquals(r, BitsReport.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void fp32HasNoLevelsAndNoCompression() throws Exception {
        JsonNode json = new ObjectMapper().readTree(BitsReport.fp32("fp32", 1000).toJson());
        assertEquals(32.0, json.get("nominal_bits").asDouble());
        assertTrue(json.get("distinct_levels").isNull());
        assertEquals(1.0, json.get("cr_whole_model").asDouble());
        assertEquals(1.0, json.get("cr_weights_only").asDouble());
        assertEquals(0, json.get("layers").size());
        assertNull(BitsReport.fp32("fp32", 1).distinctLevels());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
