package org.ringlab.pickle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Python {@code bytes} value (or a Python 2 {@code str}, which is bytes too), as a view into the
 * pickle: a 150 MB array is not copied until its reader copies it where it belongs. Compares by
 * content, so it can be a dict key ({@code b'data'}).
 */
public final class PickleBytes {
    private final byte[] source;
    private final int offset;
    private final int length;

    PickleBytes(byte[] source, int offset, int length) {
        this.source = source;
        this.offset = offset;
        this.length = length;
    }

    /** @return a value holding a copy of {@code bytes} */
    public static PickleBytes of(byte[] bytes) {
        return new PickleBytes(bytes.clone(), 0, bytes.length);
    }

    public int length() {
        return length;
    }

    /** Copies all bytes into {@code target} from {@code at}. */
    public void copyTo(byte[] target, int at) {
        System.arraycopy(source, offset, target, at, length);
    }

    /** @return the bytes read as Latin-1, as Python 3 reads a Python 2 string with {@code encoding='latin1'} */
    public String latin1() {
        return new String(source, offset, length, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PickleBytes b
                && Arrays.equals(source, offset, offset + length, b.source, b.offset, b.offset + b.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + source[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "b'" + (length > 40 ? new String(source, offset, 40, StandardCharsets.ISO_8859_1) + "…"
                : latin1()) + "'";
    }
}
