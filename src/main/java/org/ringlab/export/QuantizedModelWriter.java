package org.ringlab.export;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelSpec;
import ai.djl.ndarray.NDManager;
import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.RingLayer;
import org.ringlab.nn.WeightMode;
import org.ringlab.nn.quantizer.QuantizedWeights;
import org.ringlab.nn.quantizer.WeightQuantizer;
import org.ringlab.quant.Ring;
import org.ringlab.train.ModelBuilder;

/**
 * Writes a model as it would be deployed: ring weights as packed level codes, every other method's
 * weights as packed codes plus the side information that rebuilds them ({@link CodedLayer}),
 * everything else as float32 (layout in {@link RqmFormat}). The soft weights are not kept; the file holds the snapped
 * network.
 */
public final class QuantizedModelWriter {
    private QuantizedModelWriter() {
    }

    /**
     * @param config the run that built {@code model}; stored so that a reader can rebuild it
     * @param model an initialised model (trained or loaded from a checkpoint)
     * @throws IllegalArgumentException when {@code config} does not describe {@code model}, since
     *     such a file could never be read back
     */
    public static void write(RunConfig config, BuiltModel model, Path file) throws IOException {
        ModelSpec spec = model.spec();
        ModelSpec described = ModelBuilder.spec(config, spec.channels(), spec.height(), spec.width(), spec.classes());
        if (!described.equals(spec)) {
            throw new IllegalArgumentException("the configuration describes " + described + ", not the model "
                    + spec);
        }
        List<CodedLayer> coded = codedLayers(config, model);
        byte[] body = body(config, model, coded);
        ByteBuffer.wrap(body).putLong(RqmFormat.LENGTH_OFFSET, (long) body.length + RqmFormat.CRC_BYTES);
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] trailer = ByteBuffer.allocate(RqmFormat.CRC_BYTES).putInt((int) crc.getValue()).array();

        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (var out = Files.newOutputStream(tmp)) {
                out.write(body);
                out.write(trailer);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Everything but the CRC, with the length field still zero. */
    private static byte[] body(RunConfig config, BuiltModel model, List<CodedLayer> coded) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        ModelSpec spec = model.spec();
        out.write(RqmFormat.MAGIC);
        // a ring model stays version 2, byte for byte what older readers know
        out.writeInt(coded.isEmpty() ? RqmFormat.VERSION : RqmFormat.VERSION_CODED);
        out.writeLong(0);
        out.writeInt(spec.channels());
        out.writeInt(spec.height());
        out.writeInt(spec.width());
        out.writeInt(spec.classes());
        byte[] json = Deflated.compress(RunConfigJson.toJson(config));
        out.writeInt(json.length);
        out.write(json);

        List<RingLayer> layers = model.ringLayers();
        out.writeInt(layers.size());
        // every layer's name and ring in one deflated block (they repeat), then each layer's codes
        ByteArrayOutputStream descriptorBytes = new ByteArrayOutputStream();
        DataOutputStream descriptors = new DataOutputStream(descriptorBytes);
        for (RingLayer layer : layers) {
            writeDescriptor(descriptors, layer);
        }
        descriptors.flush();
        byte[] packedDescriptors = Deflated.compress(descriptorBytes.toByteArray());
        out.writeInt(packedDescriptors.length);
        out.write(packedDescriptors);
        for (RingLayer layer : layers) {
            writeCodes(out, layer);
        }

        Set<String> positionIds = storedAsCodes(model);
        List<Pair<String, Parameter>> floats = model.block().getParameters().stream()
                .filter(p -> !positionIds.contains(p.getValue().getId())).toList();
        out.writeInt(floats.size());
        byte[] names = Deflated.compress(String.join("\n", floats.stream().map(Pair::getKey).toList()));
        out.writeInt(names.length);
        out.write(names);
        for (Pair<String, Parameter> p : floats) {
            NDArray array = p.getValue().getArray();
            long[] dims = array.getShape().getShape();
            out.writeByte(dims.length);
            for (long d : dims) {
                out.writeLong(d);
            }
            for (float v : array.toFloatArray()) {
                out.writeFloat(v);
            }
        }
        if (!coded.isEmpty()) {
            writeCoded(out, coded);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * The ids of the parameters the codes replace: ring positions, and every parameter of another
     * method's quantizer (latent weights, scales, SLQ's levels): what the file keeps of those is the
     * deployed weights' codes and side information.
     */
    static Set<String> storedAsCodes(BuiltModel model) {
        Set<String> ids = new java.util.HashSet<>(model.positionParameterIds());
        for (QuantizedLayer layer : model.quantizedLayers()) {
            if (!(layer instanceof RingLayer)) {
                for (Parameter p : layer.quantizer().parameters()) {
                    ids.add(p.getId());
                }
            }
        }
        return ids;
    }

    /** Each non-ring quantized layer's deployed weights as codes plus side information, checked exact. */
    private static List<CodedLayer> codedLayers(RunConfig config, BuiltModel model) {
        List<CodedLayer> out = new java.util.ArrayList<>();
        for (QuantizedLayer layer : model.quantizedLayers()) {
            if (layer instanceof RingLayer) {
                continue;
            }
            WeightQuantizer q = layer.quantizer();
            NDManager owner = q.latent().getArray().getManager();
            try (NDManager scratch = owner.newSubManager()) {
                List<NDArray> values = layer.borrowValues(scratch);
                QuantizedWeights w = q.compute(values, WeightMode.SNAPPED, layer.progress(), scratch);
                float[] deployed = w.weight().toFloatArray();
                float[] extra = w.extraBias() == null ? null : w.extraBias().toFloatArray();
                float[] codes = q.codes(values, layer.progress(), scratch).toFloatArray();
                int rows = (int) layer.weightShape().get(0);
                int fanIn = deployed.length / rows;
                CodedLayer c = CodedLayer.encode(layer.layerName(), deployed, codes, extra, new int[] {fanIn},
                        new int[] {config.tequilaGroup()});
                if (!CodedLayer.sameValues(c.decode(), deployed)) {
                    throw new IllegalStateException("layer " + layer.layerName() + " does not decode to its weights");
                }
                out.add(c);
            }
        }
        return out;
    }

    private static void writeCoded(DataOutputStream out, List<CodedLayer> layers) throws IOException {
        out.writeInt(layers.size());
        ByteArrayOutputStream tableBytes = new ByteArrayOutputStream();
        DataOutputStream table = new DataOutputStream(tableBytes);
        for (CodedLayer c : layers) {
            writeString(table, c.name());
            table.writeShort(c.units().length);
            table.writeByte(c.bits());
            table.writeInt(c.rowLength());
            table.writeInt(c.groupSize());
            table.writeByte(c.extraBias() == null ? 0 : 1);
        }
        table.flush();
        byte[] packed = Deflated.compress(tableBytes.toByteArray());
        out.writeInt(packed.length);
        out.write(packed);
        for (CodedLayer c : layers) {
            out.writeInt(c.codes().length);
            out.write(BitPacking.pack(c.codes(), c.bits()));
            for (float v : c.units()) {
                out.writeFloat(v);
            }
            for (float v : c.scales()) {
                out.writeFloat(v);
            }
            if (c.extraBias() != null) {
                out.writeInt(c.extraBias().length);
                for (float v : c.extraBias()) {
                    out.writeFloat(v);
                }
            }
        }
    }

    private static void writeDescriptor(DataOutputStream out, RingLayer layer) throws IOException {
        Ring ring = layer.ring();
        LevelTable table = LevelTable.of(ring);
        writeString(out, layer.layerName());
        writeString(out, ring.type().id());
        writeString(out, ring.mode().id());
        out.writeDouble(ring.sigma());
        out.writeByte(ring.size());
        for (float v : ring.values()) {
            out.writeFloat(v);
        }
        float[] levels = table.levels();
        out.writeByte(levels.length);
        for (float v : levels) {
            out.writeFloat(v);
        }
        out.writeByte(table.bits());
    }

    private static void writeCodes(DataOutputStream out, RingLayer layer) throws IOException {
        LevelTable table = LevelTable.of(layer.ring());
        writeCodes(out, table, layer.positions().getArray().toFloatArray());
        Parameter bias = layer.biasPositions();
        out.writeByte(bias == null ? 0 : 1);
        if (bias != null) {
            writeCodes(out, table, bias.getArray().toFloatArray());
        }
    }

    private static void writeCodes(DataOutputStream out, LevelTable table, float[] positions) throws IOException {
        out.writeInt(positions.length);
        out.write(BitPacking.pack(table.encode(positions), table.bits()));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new IllegalArgumentException("name longer than 65535 bytes: " + s.substring(0, 40) + "…");
        }
        out.writeShort(utf8.length);
        out.write(utf8);
    }
}
