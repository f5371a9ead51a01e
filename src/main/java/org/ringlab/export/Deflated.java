package org.ringlab.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Text stored deflated: the configuration and the float parameters' names are repetitive (DJL's
 * hierarchical names run to 80 bytes each) and would otherwise dominate a file whose weights take
 * one or two bits each.
 */
final class Deflated {
    private Deflated() {
    }

    static byte[] compress(String text) {
        return compress(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] compress(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a complete deflate stream */
    static String decompress(byte[] bytes, String what) {
        return new String(inflate(bytes, what), StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException when the bytes are not a complete deflate stream */
    static byte[] inflate(byte[] bytes, String what) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException(what + " is cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException(what + " is not readable: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
