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

    /**
     * @throws IllegalArgumentException when the bytes are not a complete deflate stream, or inflate
     *     to more than {@code maxBytes}
     */
    static String decompress(byte[] bytes, String what, int maxBytes) {
        return new String(inflate(bytes, what, maxBytes), StandardCharsets.UTF_8);
    }

    /**
     * Inflates through a cap: a few kilobytes of deflate data can expand to gigabytes.
     *
     * @throws IllegalArgumentException when the bytes are not a complete deflate stream, or inflate
     *     to more than {@code maxBytes}
     */
    static byte[] inflate(byte[] bytes, String what, int maxBytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException(what + " is cut short");
                }
                if (out.size() + n > maxBytes) {
                    throw new IllegalArgumentException(what + " inflates to more than " + maxBytes
                            + " bytes, more than RingLab reads");
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
