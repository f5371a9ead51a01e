package org.ringlab.export;

/**
 * Fixed-width codes packed LSB-first: code i occupies bits i·b … i·b + b − 1 of a bit stream whose
 * bit j is bit (j mod 8) of byte j / 8. The last byte's unused high bits are zero. With b = 0 every
 * code is 0 and nothing is stored.
 */
final class BitPacking {
    /** Wide enough for any ring (64 slots need 6 bits); beyond it a code no longer fits an int. */
    static final int MAX_BITS = 16;

    private BitPacking() {
    }

    static long packedBytes(long count, int bits) {
        checkBits(bits);
        return (count * bits + 7) / 8;
    }

    static byte[] pack(int[] codes, int bits) {
        checkBits(bits);
        byte[] out = new byte[Math.toIntExact(packedBytes(codes.length, bits))];
        long bit = 0;
        for (int code : codes) {
            if (code < 0 || code >>> bits != 0) {
                throw new IllegalArgumentException("code " + code + " does not fit in " + bits + " bits");
            }
            for (int j = 0; j < bits; j++, bit++) {
                if ((code >>> j & 1) != 0) {
                    out[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        return out;
    }

    static int[] unpack(byte[] packed, int bits, int count) {
        if (packed.length != packedBytes(count, bits)) {
            throw new IllegalArgumentException(count + " codes of " + bits + " bits take "
                    + packedBytes(count, bits) + " bytes, not " + packed.length);
        }
        int[] codes = new int[count];
        long bit = 0;
        for (int i = 0; i < count; i++) {
            int code = 0;
            for (int j = 0; j < bits; j++, bit++) {
                code |= (packed[(int) (bit >>> 3)] >>> (bit & 7) & 1) << j;
            }
            codes[i] = code;
        }
        return codes;
    }

    private static void checkBits(int bits) {
        if (bits < 0 || bits > MAX_BITS) {
            throw new IllegalArgumentException("code width " + bits + " is outside 0.." + MAX_BITS);
        }
    }
}
