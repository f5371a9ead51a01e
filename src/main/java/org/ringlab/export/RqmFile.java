package org.ringlab.export;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.DataLimits;
import org.ringlab.io.Printable;
import org.ringlab.io.RegularFile;

/**
 * The checked contents of an {@code .rqm} file (layout in {@link RqmFormat}), before any model is
 * built: everything a size report or a reader needs, with the codes already unpacked.
 *
 * <p>A valid checksum proves only that the file is the one written, not that its writer was
 * honest: every count is checked against the bytes left and against the limits below before
 * anything is allocated, and deflated sections are inflated through a cap.
 */
record RqmFile(long fileBytes, int channels, int height, int width, int classes, String configJson,
        List<RingTensors> ringLayers, List<FloatTensor> floats, List<CodedLayer> codedLayers) {

    /** One ring layer's stored ring, level table and codes; {@code biasCodes} is null without a ring bias. */
    @SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
    record RingTensors(String name, String ringType, String ringMode, double sigma, float[] ringValues,
            float[] levels, int bits, int[] weightCodes, int[] biasCodes) {
    }

    @SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
    record FloatTensor(String name, long[] shape, float[] values) {
    }

    /** Largest file read (256 MiB); a ResNet-56's file is under 1 MB. */
    static final long MAX_FILE_BYTES = 256L << 20;
    /** Ring layers, and float parameters, per file. */
    static final int MAX_TENSORS = 10_000;
    /** Weight codes per file (64 Mi): with a code width of 0 they take no bytes, so only a cap bounds them. */
    static final long MAX_CODES = 1L << 26;
    /** Inflated size of the layer table and of the parameter names. */
    static final int MAX_TABLE_BYTES = 16 << 20;
    private static final int MAX_RANK = 8;

    /**
     * @throws IOException naming the file when it is not an {@code .rqm} file, has a version this
     *     reader does not know, is truncated, or fails its checksum
     */
    static RqmFile read(Path path) throws IOException {
        String kind = RegularFile.problem(path);
        if (kind != null) {
            throw problem(path, kind);
        }
        long size = Files.size(path);
        if (size > MAX_FILE_BYTES) {
            throw problem(path, "is " + size + " bytes; RingLab reads quantized models of at most " + MAX_FILE_BYTES);
        }
        byte[] bytes = Files.readAllBytes(path);
        checkIntegrity(path, bytes);
        ByteBuffer in = ByteBuffer.wrap(bytes, RqmFormat.PREAMBLE_BYTES, bytes.length - RqmFormat.PREAMBLE_BYTES
                - RqmFormat.CRC_BYTES);
        try {
            boolean coded = ByteBuffer.wrap(bytes).getInt(RqmFormat.MAGIC.length) == RqmFormat.VERSION_CODED;
            RqmFile file = parse(bytes.length, in, coded);
            if (in.hasRemaining()) {
                throw problem(path, in.remaining() + " unexpected bytes before the checksum");
            }
            return file;
        } catch (BufferUnderflowException e) {
            throw problem(path, "a section runs past the end of the data (written by a faulty writer?)");
        } catch (IllegalArgumentException e) {
            throw problem(path, e.getMessage());
        }
    }

    /** Magic first (a foreign file), then version (a layout we cannot judge), then length and CRC. */
    private static void checkIntegrity(Path path, byte[] bytes) throws IOException {
        if (bytes.length < RqmFormat.MAGIC.length
                || !Arrays.equals(bytes, 0, RqmFormat.MAGIC.length, RqmFormat.MAGIC, 0, RqmFormat.MAGIC.length)) {
            throw problem(path, "not a RingLab quantized model (no \"RQM1\" magic at the start)");
        }
        if (bytes.length < RqmFormat.PREAMBLE_BYTES + RqmFormat.CRC_BYTES) {
            throw problem(path, "truncated: only " + bytes.length + " bytes");
        }
        ByteBuffer head = ByteBuffer.wrap(bytes);
        int version = head.getInt(RqmFormat.MAGIC.length);
        if (version != RqmFormat.VERSION && version != RqmFormat.VERSION_CODED) {
            throw problem(path, "format version " + version + " is unknown; this reader knows versions "
                    + RqmFormat.VERSION + " and " + RqmFormat.VERSION_CODED);
        }
        long declared = head.getLong(RqmFormat.LENGTH_OFFSET);
        if (declared != bytes.length) {
            throw problem(path, (declared > bytes.length ? "truncated" : "has trailing data") + ": the header says "
                    + declared + " bytes, the file has " + bytes.length);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - RqmFormat.CRC_BYTES);
        int stored = head.getInt(bytes.length - RqmFormat.CRC_BYTES);
        if (stored != (int) crc.getValue()) {
            throw problem(path, String.format("checksum mismatch (stored %08x, computed %08x): the file is damaged "
                    + "or was modified", stored, (int) crc.getValue()));
        }
    }

    private static RqmFile parse(long fileBytes, ByteBuffer in, boolean withCodedLayers) {
        int channels = within(in.getInt(), 1, DataLimits.MAX_CHANNELS, "image channels");
        int height = within(in.getInt(), 1, DataLimits.MAX_IMAGE_SIDE, "image height");
        int width = within(in.getInt(), 1, DataLimits.MAX_IMAGE_SIDE, "image width");
        int classes = within(in.getInt(), 1, 256, "classes"); // labels are bytes
        String json = Deflated.decompress(bytes(in, in.getInt()), "the configuration", RunConfigJson.MAX_FILE_BYTES);
        // every ring layer takes at least its weight count and bias flag (5 bytes) in the main data
        int ringCount = within(in.getInt(), 0, Math.min(MAX_TENSORS, in.remaining() / 5), "ring layers");
        ByteBuffer descriptors = ByteBuffer.wrap(Deflated.inflate(bytes(in, in.getInt()), "the ring layers' table",
                MAX_TABLE_BYTES));
        List<RingTensors> rings = new ArrayList<>(ringCount);
        long[] codes = {0};
        for (int i = 0; i < ringCount; i++) {
            rings.add(ringTensors(descriptors, in, codes));
        }
        int floatCount = count(in.getInt(), "float parameters");
        String[] names = Deflated.decompress(bytes(in, in.getInt()), "the parameter names", MAX_TABLE_BYTES)
                .split("\n", -1);
        // every float parameter takes at least its rank byte
        within(floatCount, 0, Math.min(MAX_TENSORS, in.remaining()), "float parameters");
        if (floatCount > 0 && names.length != floatCount) {
            throw new IllegalArgumentException(names.length + " parameter names for " + floatCount + " parameters");
        }
        List<FloatTensor> floats = new ArrayList<>(floatCount);
        for (int i = 0; i < floatCount; i++) {
            floats.add(floatTensor(in, names[i]));
        }
        List<CodedLayer> coded = withCodedLayers ? codedLayers(in, codes) : List.of();
        return new RqmFile(fileBytes, channels, height, width, classes, json, List.copyOf(rings),
                List.copyOf(floats), coded);
    }

    /** Version 3's section: the other methods' layers, checked as strictly as the ring layers. */
    private static List<CodedLayer> codedLayers(ByteBuffer in, long[] codesSoFar) {
        // every coded layer takes at least its weight count in the main data
        int count = within(in.getInt(), 0, Math.min(MAX_TENSORS, in.remaining() / 4), "coded layers");
        ByteBuffer table = ByteBuffer.wrap(Deflated.inflate(bytes(in, in.getInt()), "the coded layers' table",
                MAX_TABLE_BYTES));
        List<CodedLayer> layers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = string(table);
            int levels = within(Short.toUnsignedInt(table.getShort()), 1, 1 << BitPacking.MAX_BITS,
                    "levels of coded layer " + name);
            int bits = Byte.toUnsignedInt(table.get());
            int row = table.getInt();
            int group = table.getInt();
            boolean extra = table.get() != 0;
            if (bits != CodedLayer.bitsFor(levels)) {
                throw new IllegalArgumentException("coded layer " + name + " has " + levels + " levels and a code width"
                        + " of " + bits + " bits; " + levels + " levels take " + CodedLayer.bitsFor(levels));
            }
            int[] codes = codes(in, bits, levels, codesSoFar);
            float[] units = floats(in, levels);
            float[] scales = new float[0];
            if (row != 0 || group != 0) {
                long groups = CodedLayer.groupCount(codes.length, row, group);
                ensureRemaining(in, 4 * groups);
                scales = floats(in, (int) groups);
            }
            float[] bias = extra ? floats(in, count(in.getInt(), "folded biases of " + name)) : null;
            layers.add(new CodedLayer(name, codes, units, bits, row, group, scales, bias));
        }
        return List.copyOf(layers);
    }

    private static RingTensors ringTensors(ByteBuffer descriptor, ByteBuffer in, long[] codesSoFar) {
        String name = string(descriptor);
        String type = string(descriptor);
        String mode = string(descriptor);
        double sigma = descriptor.getDouble();
        float[] values = floats(descriptor, Byte.toUnsignedInt(descriptor.get()));
        float[] levels = floats(descriptor, Byte.toUnsignedInt(descriptor.get()));
        int bits = Byte.toUnsignedInt(descriptor.get());
        int needed = levels.length <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(levels.length - 1);
        if (levels.length == 0 || bits != needed) {
            throw new IllegalArgumentException("ring layer " + name + " has " + levels.length + " levels and a code width"
                    + " of " + bits + " bits" + (levels.length == 0 ? "" : "; " + levels.length + " levels take " + needed));
        }
        int[] weights = codes(in, bits, levels.length, codesSoFar);
        int[] bias = in.get() != 0 ? codes(in, bits, levels.length, codesSoFar) : null;
        return new RingTensors(name, type, mode, sigma, values, levels, bits, weights, bias);
    }

    private static int[] codes(ByteBuffer in, int bits, int levels, long[] codesSoFar) {
        int n = count(in.getInt(), "weights");
        codesSoFar[0] += n;
        if (codesSoFar[0] > MAX_CODES) {
            throw new IllegalArgumentException("the quantized layers hold more than " + MAX_CODES
                    + " weights, more than RingLab reads from one file");
        }
        long packed = BitPacking.packedBytes(n, bits);
        ensureRemaining(in, packed);
        int[] codes = BitPacking.unpack(bytes(in, (int) packed), bits, n);
        for (int c : codes) {
            if (c >= levels) {
                throw new IllegalArgumentException("code " + c + " points past the " + levels + " levels");
            }
        }
        return codes;
    }

    private static FloatTensor floatTensor(ByteBuffer in, String name) {
        long[] shape = new long[within(Byte.toUnsignedInt(in.get()), 0, MAX_RANK, "dimensions of parameter " + name)];
        long size = 1;
        for (int d = 0; d < shape.length; d++) {
            shape[d] = in.getLong();
            if (shape[d] < 0 || shape[d] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("parameter " + name + " has an impossible dimension " + shape[d]);
            }
            size *= shape[d];
            // four bytes per value must be left; checked per dimension so the product cannot overflow
            ensureRemaining(in, 4 * size);
        }
        return new FloatTensor(name, shape, floats(in, (int) size));
    }

    /** @throws IllegalArgumentException when {@code n} is outside {@code min..max} */
    private static int within(int n, int min, int max, String what) {
        if (n < min || n > max) {
            throw new IllegalArgumentException("the file says " + Integer.toUnsignedString(n) + " " + what
                    + "; expected " + min + ".." + max);
        }
        return n;
    }

    private static String string(ByteBuffer in) {
        return new String(bytes(in, Short.toUnsignedInt(in.getShort())), StandardCharsets.UTF_8);
    }

    private static float[] floats(ByteBuffer in, int n) {
        ensureRemaining(in, 4L * n);
        float[] v = new float[n];
        in.asFloatBuffer().get(v);
        in.position(in.position() + 4 * n);
        return v;
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        ensureRemaining(in, count(n, "bytes"));
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    /** Checked before allocating, so that a garbled count fails instead of exhausting memory. */
    private static void ensureRemaining(ByteBuffer in, long n) {
        if (n > in.remaining()) {
            throw new BufferUnderflowException();
        }
    }

    private static int count(int n, String what) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count of " + what + ": " + n);
        }
        return n;
    }

    /** Messages may quote the file (a layer's name), so they are made printable on one line. */
    static IOException problem(Path path, String message) {
        return new IOException(path + ": " + Printable.shown(message, 1_000));
    }
}
