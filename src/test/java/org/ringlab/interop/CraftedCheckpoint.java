package org.ringlab.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small torch.save-shaped zips, opcode by opcode, for tests that need exact control. */
final class CraftedCheckpoint {
    private final ByteArrayOutputStream pickle = new ByteArrayOutputStream();
    private final Map<String, byte[]> storages = new LinkedHashMap<>();

    CraftedCheckpoint op(int... bytes) {
        for (int b : bytes) {
            pickle.write(b);
        }
        return this;
    }

    CraftedCheckpoint proto() {
        return op(0x80, 2);
    }

    CraftedCheckpoint global(String module, String name) {
        op('c');
        raw((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    CraftedCheckpoint string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        raw(b);
        return this;
    }

    CraftedCheckpoint integer(int v) {
        op('J');
        raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        return this;
    }

    CraftedCheckpoint raw(byte[] b) {
        pickle.writeBytes(b);
        return this;
    }

    /** Pushes _rebuild_tensor_v2(('storage', FloatStorage, key, 'cpu', numel), offset, size, stride, False, OrderedDict()). */
    CraftedCheckpoint floatTensor(String key, int numel, int offset, int[] size, int[] stride) {
        global("torch._utils", "_rebuild_tensor_v2");
        op('(');
        op('(').string("storage").global("torch", "FloatStorage").string(key).string("cpu").integer(numel).op('t', 'Q');
        integer(offset);
        op('(');
        for (int s : size) {
            integer(s);
        }
        op('t', '(');
        for (int s : stride) {
            integer(s);
        }
        op('t', 0x89);
        global("collections", "OrderedDict").op(')', 'R');
        return op('t', 'R');
    }

    CraftedCheckpoint storage(String key, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        storages.put(key, b.array());
        return this;
    }

    CraftedCheckpoint storageBytes(String key, byte[] bytes) {
        storages.put(key, bytes);
        return this;
    }

    byte[] pickleBytes() {
        return pickle.toByteArray();
    }

    Path write(Path dir, String name) throws IOException {
        return write(dir, name, false);
    }

    /** @param stored whether entries are stored uncompressed, as torch.save writes them */
    Path write(Path dir, String name, boolean stored) throws IOException {
        Path file = dir.resolve(name + ".pth");
        Files.write(file, zipBytes(name, stored));
        return file;
    }

    byte[] zipBytes(String name, boolean stored) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, name + "/data.pkl", pickleBytes(), stored);
            for (Map.Entry<String, byte[]> s : storages.entrySet()) {
                put(zip, name + "/data/" + s.getKey(), s.getValue(), stored);
            }
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, boolean stored) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
