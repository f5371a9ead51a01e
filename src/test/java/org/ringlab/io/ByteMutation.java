package org.ringlab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to a file's bytes, as a fuzzer makes them: flip a bit, overwrite a byte or a 32-bit
 * integer (with values that break counts: 0, -1, 2^31-1, 2048, …), cut, insert, delete or repeat
 * bytes. Positions favour the first 64 bytes, where the headers and counts are.
 */
public record ByteMutation(Kind kind, boolean inHeader, double where, int value, int length) {

    public enum Kind { FLIP_BIT, SET_BYTE, SET_INT_BE, SET_INT_LE, TRUNCATE, INSERT, DELETE, REPEAT, APPEND }

    /** 32-bit values that break a count or a size. */
    private static final int[] INTERESTING = {0, 1, -1, 2, 255, 256, 1024, 1025, 2048, 65535, 65536,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 8, 1 << 24, 1 << 30};

    /** Between one and {@code max} mutations. */
    public static Arbitrary<List<ByteMutation>> lists(int max) {
        Arbitrary<ByteMutation> one = Combinators.combine(Arbitraries.of(Kind.values()), Arbitraries.of(true, false),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers(), Arbitraries.integers().between(1, 300))
                .as(ByteMutation::new);
        return one.list().ofMinSize(1).ofMaxSize(max);
    }

    public static byte[] applyAll(byte[] bytes, List<ByteMutation> mutations) {
        for (ByteMutation m : mutations) {
            bytes = m.apply(bytes);
        }
        return bytes;
    }

    public byte[] apply(byte[] in) {
        int at = position(in.length);
        return switch (kind) {
            case FLIP_BIT -> in.length == 0 ? in : edit(in, b -> b[Math.min(at, b.length - 1)] ^= (byte) (1 << (value & 7)));
            case SET_BYTE -> in.length == 0 ? in : edit(in, b -> b[Math.min(at, b.length - 1)] = (byte) value);
            case SET_INT_BE, SET_INT_LE -> {
                if (in.length < 4) {
                    yield in;
                }
                int v = (value & 1) == 0 ? INTERESTING[Math.floorMod(value >> 1, INTERESTING.length)] : value;
                ByteOrder order = kind == Kind.SET_INT_BE ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                yield edit(in, b -> ByteBuffer.wrap(b).order(order).putInt(Math.min(at, b.length - 4), v));
            }
            case TRUNCATE -> Arrays.copyOf(in, at);
            case INSERT -> splice(in, at, 0, filler(length));
            case DELETE -> splice(in, at, Math.min(length, in.length - at), new byte[0]);
            case REPEAT -> splice(in, at, 0, Arrays.copyOfRange(in, at, Math.min(in.length, at + length)));
            case APPEND -> splice(in, in.length, 0, filler(length));
        };
    }

    private int position(int size) {
        int range = inHeader ? Math.min(size, 64) : size;
        return Math.min(size, (int) (where * range));
    }

    private byte[] filler(int n) {
        byte[] b = new byte[n];
        new java.util.Random(value).nextBytes(b);
        return b;
    }

    private static byte[] edit(byte[] in, java.util.function.Consumer<byte[]> change) {
        byte[] copy = in.clone();
        change.accept(copy);
        return copy;
    }

    private static byte[] splice(byte[] in, int at, int removed, byte[] inserted) {
        byte[] out = new byte[in.length - removed + inserted.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(in, at + removed, out, at + inserted.length, in.length - at - removed);
        return out;
    }
}
