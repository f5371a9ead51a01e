package org.ringlab.export;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes {@code .rqm} bytes field by field (layout in {@link RqmFormat}) with a correct length and
 * checksum, so that tests reach the parser with whatever counts they like.
 */
final class RqmBytes {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    RqmBytes() {
        this(RqmFormat.VERSION);
    }

    RqmBytes(int version) {
        raw(RqmFormat.MAGIC).i32(version).i64(0);
    }

    RqmBytes i32(int v) {
        try {
            out.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    RqmBytes i64(long v) {
        try {
            out.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    RqmBytes u8(int v) {
        bytes.write(v);
        return this;
    }

    RqmBytes raw(byte[] b) {
        bytes.writeBytes(b);
        return this;
    }

    /** An i32 byte count and the deflated bytes. */
    RqmBytes deflated(byte[] content) {
        byte[] d = Deflated.compress(content);
        return i32(d.length).raw(d);
    }

    /** The shape fields: channels, height, width, classes. */
    RqmBytes shape(int channels, int height, int width, int classes) {
        return i32(channels).i32(height).i32(width).i32(classes);
    }

    /** One ring layer's table entry: name, ring, levels and code width. */
    static byte[] layerTable(String name, float[] ring, float[] levels, int bits) {
        ByteBuffer b = ByteBuffer.allocate(1024);
        for (String s : new String[] {name, "triangle", "reference"}) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            b.putShort((short) utf8.length).put(utf8);
        }
        b.putDouble(0).put((byte) ring.length);
        for (float v : ring) {
            b.putFloat(v);
        }
        b.put((byte) levels.length);
        for (float v : levels) {
            b.putFloat(v);
        }
        b.put((byte) bits);
        byte[] table = new byte[b.position()];
        b.flip().get(table);
        return table;
    }

    /** The bytes so far with the file length patched in and the CRC-32 appended. */
    byte[] finish() {
        byte[] body = bytes.toByteArray();
        byte[] file = java.util.Arrays.copyOf(body, body.length + RqmFormat.CRC_BYTES);
        ByteBuffer.wrap(file).putLong(RqmFormat.LENGTH_OFFSET, file.length);
        CRC32 crc = new CRC32();
        crc.update(file, 0, body.length);
        ByteBuffer.wrap(file).putInt(body.length, (int) crc.getValue());
        return file;
    }

    /** Recomputes length and checksum of a whole file (after a test changed bytes in it). */
    static byte[] resealed(byte[] file) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).putLong(RqmFormat.LENGTH_OFFSET, copy.length);
        CRC32 crc = new CRC32();
        crc.update(copy, 0, copy.length - RqmFormat.CRC_BYTES);
        ByteBuffer.wrap(copy).putInt(copy.length - RqmFormat.CRC_BYTES, (int) crc.getValue());
        return copy;
    }
}
