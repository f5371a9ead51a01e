package org.ringlab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.TwnVariant;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.WeightMode;
import org.ringlab.nn.quantizer.QuantizedWeights;
import org.ringlab.train.BitsReport;

/**
 * {@code .rqm} version 3: every non-ring weight method's layers as packed codes plus side
 * information. The rebuilt network has the very deployed weights and logits of the original, the
 * file is the bit accounting's size plus a bounded header, and lying counts are refused in one line.
 */
class CodedRqmTest {
    private static final long HEADER_ALLOWANCE = 12 * 1024;
    private static final byte[] CONFIG = "{\"model\": \"mlp\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** One row per method family and layout: per-layer scale, per-channel scale, per-group scale, level table. */
    @ParameterizedTest
    @CsvSource({"twn, 2, paper", "twn, 2, repo", "ttq, 2, paper", "bitnet, 2, paper", "tequila, 2, paper",
        "hitnet, 2, paper", "lsq, 3, paper", "dorefa, 2, paper", "pow2, 3, paper", "slq, 4, paper", "mlq, 2, paper"})
    void theRebuiltNetworkHasTheSnappedWeightsAndLogitsAndTheFileTheAccountedSize(String key, int bits,
            String twn) throws IOException {
        Method method = Method.parse(key);
        RunConfig config = RunConfig.defaults().toBuilder().method(method).bits(bits)
                .twnVariant(TwnVariant.parse(twn)).tequilaGroup(32).build();
        Path file = dir.resolve(key + ".rqm");
        try (NDManager original = NDManager.newBaseManager(Device.cpu());
                NDManager rebuilt = NDManager.newBaseManager(Device.cpu())) {
            BuiltModel model = Models.initialised(config, 1, 28, original);
            // the end of the schedules: SLQ/MLQ fully frozen, every layer quantized
            model.setProgress(1.0);
            model.setWeightMode(WeightMode.SNAPPED);
            NDArray x = original.randomNormal(model.inputShape(4));
            float[] logits = forward(model, x, original);
            BitsReport bitsJson = BitsReport.of(key, config.methodLabel(), model);
            QuantizedModelWriter.write(config, model, file);

            QuantizedModel read = QuantizedModelReader.read(file, rebuilt);
            assertEquals(config, read.config());
            List<QuantizedLayer> want = model.quantizedLayers();
            List<QuantizedLayer> got = read.model().quantizedLayers();
            assertEquals(want.size(), got.size());
            for (int l = 0; l < want.size(); l++) {
                float[][] w = deployed(want.get(l));
                float[][] g = deployed(got.get(l));
                assertArrayEquals(w[0], g[0], 0f, key + " " + want.get(l).layerName() + ": the snapped weights");
                assertArrayEquals(w[1], g[1], 0f, key + " " + want.get(l).layerName() + ": the folded bias");
            }
            assertArrayEquals(logits, forward(read.model(), x, rebuilt),
                    0f, key + ": the rebuilt network computes the same logits");

            QuantizedModelSize size = QuantizedModelSize.of(file);
            assertEquals(Files.size(file), size.fileBytes());
            long codeBytes = 0;
            long sideFloats = 0;
            for (int l = 0; l < size.layers().size(); l++) {
                QuantizedModelSize.LayerBits stored = size.layers().get(l);
                BitsReport.Layer accounted = bitsJson.layers().get(l);
                assertEquals(accounted.layer(), stored.layer());
                assertEquals(accounted.levelBits(), stored.bits(), key + " " + stored.layer() + ": code width");
                assertEquals(accounted.distinctLevels(), stored.levels(), key + " " + stored.layer());
                // beside bits.json's side information the file keeps at most the L code values
                assertTrue(stored.sideFloats() >= accounted.sideFloats()
                        && stored.sideFloats() <= accounted.sideFloats() + stored.levels(),
                        key + " " + stored.layer() + ": " + stored.sideFloats() + " floats stored, bits.json counts "
                                + accounted.sideFloats());
                codeBytes += (accounted.weights() * accounted.levelBits() + 7) / 8;
                sideFloats += stored.sideFloats();
            }
            long floatBytes = 4 * bitsJson.floatParams() + 4 * runningStatistics(model);
            long header = size.fileBytes() - codeBytes - 4 * sideFloats - floatBytes;
            assertEquals(size.headerBytes(), header, key + ": every other byte is header");
            assertTrue(header > 0 && header < HEADER_ALLOWANCE, key + " header " + header);
            assertTrue(size.fileBytes() <= 1.05 * size.theoreticalBytes(), key + " " + size);
        }
    }

    private static long runningStatistics(BuiltModel model) {
        return model.block().getParameters().stream()
                .filter(p -> p.getValue().getType() == ai.djl.nn.Parameter.Type.RUNNING_MEAN
                        || p.getValue().getType() == ai.djl.nn.Parameter.Type.RUNNING_VAR)
                .mapToLong(p -> p.getValue().getArray().size()).sum();
    }

    private static float[] forward(BuiltModel model, NDArray x, NDManager manager) {
        NDList out = model.block().forward(new ParameterStore(manager, false), new NDList(x), false);
        return out.singletonOrThrow().toFloatArray();
    }

    /** Snapped weights and the folded per-output bias (empty when none) of one layer. */
    private static float[][] deployed(QuantizedLayer layer) {
        try (NDManager scratch = layer.quantizer().latent().getArray().getManager().newSubManager()) {
            QuantizedWeights q = layer.quantizer().compute(layer.borrowValues(scratch), WeightMode.SNAPPED,
                    layer.progress(), scratch);
            return new float[][] {q.weight().toFloatArray(),
                q.extraBias() == null ? new float[0] : q.extraBias().toFloatArray()};
        }
    }

    @Test
    void aRingModelIsStillWrittenAsVersionTwo() throws IOException {
        Path file = dir.resolve("ring.rqm");
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            QuantizedModelWriter.write(RunConfig.defaults(), Models.initialised(RunConfig.defaults(), 1, 28, m), file);
        }
        assertEquals(RqmFormat.VERSION, java.nio.ByteBuffer.wrap(Files.readAllBytes(file)).getInt(4));
    }

    // --- hostile version-3 files: one line each, refused from their counts ---

    /** A version-3 file with no ring layers and no floats, then {@code coded}. */
    private static byte[] codedFile(byte[] table, int count, byte[] data) {
        return new RqmBytes(RqmFormat.VERSION_CODED).shape(1, 28, 28, 10).deflated(CONFIG)
                .i32(0).deflated(new byte[0]).i32(0).deflated(new byte[0])
                .i32(count).deflated(table).raw(data).finish();
    }

    private static byte[] entry(String name, int levels, int bits, int row, int group, boolean folded)
            throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
        out.writeShort(levels);
        out.writeByte(bits);
        out.writeInt(row);
        out.writeInt(group);
        out.writeByte(folded ? 1 : 0);
        return b.toByteArray();
    }

    private static byte[] ints(int... values) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        for (int v : values) {
            out.writeInt(v);
        }
        return b.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private String failure(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        String message = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(IOException.class, () -> RqmFile.read(file)).getMessage());
        assertTrue(message.startsWith(file.toString()), message);
        assertFalse(message.contains("\n"), () -> "not one line: " + message);
        return message;
    }

    @Test
    void aWellFormedCodedLayerReadsAndDecodes() throws IOException {
        // 4 weights, codes 1 0 2 1 of three units (−1, 0, 1) in 2 bits: 0b01_10_00_01 LSB first; one scale 0.5
        byte[] data = concat(ints(4), new byte[] {0b01_10_00_01}, floats(-1, 0, 1), floats(0.5f));
        RqmFile f = RqmFile.read(Files.write(dir.resolve("ok.rqm"), codedFile(entry("fc", 3, 2, 4, 4, false), 1,
                data)));
        assertEquals(1, f.codedLayers().size());
        assertArrayEquals(new float[] {0, -0.5f, 0.5f, 0}, f.codedLayers().get(0).decode(), 0f);
    }

    @Test
    void lyingCountsAreRefusedInOneLine() throws IOException {
        String many = failure("many.rqm", codedFile(new byte[0], Integer.MAX_VALUE, new byte[0]));
        assertTrue(many.contains("2147483647 coded layers"), many);
        String width = failure("width.rqm", codedFile(entry("fc", 3, 5, 0, 0, false), 1, ints(4)));
        assertTrue(width.contains("3 levels take 2"), width);
        String huge = failure("huge.rqm", codedFile(entry("fc", 2, 1, 0, 0, false), 1, ints(Integer.MAX_VALUE)));
        assertTrue(huge.contains("past the end") || huge.contains("more than"), huge);
        String code = failure("code.rqm", codedFile(entry("fc", 3, 2, 0, 0, false), 1,
                concat(ints(1), new byte[] {3}, floats(-1, 0, 1))));
        assertTrue(code.contains("code 3 points past the 3 levels"), code);
        String tiling = failure("tiling.rqm", codedFile(entry("fc", 3, 2, 3, 3, false), 1,
                concat(ints(4), new byte[] {0}, floats(-1, 0, 1))));
        assertTrue(tiling.contains("do not tile 4 weights"), tiling);
        String scales = failure("scales.rqm", codedFile(entry("fc", 3, 2, 1, 1, false), 1,
                concat(ints(4), new byte[] {0}, floats(-1, 0, 1), floats(1f))));
        assertTrue(scales.contains("past the end"), scales);
    }

    private static byte[] floats(float... values) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        for (float v : values) {
            out.writeFloat(v);
        }
        return b.toByteArray();
    }
}
