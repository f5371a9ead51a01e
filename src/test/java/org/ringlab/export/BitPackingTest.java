package org.ringlab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitPackingTest {

    @Test
    void everyWidthAndOddCountRoundTrips() {
        SplittableRandom random = new SplittableRandom(7);
        for (int bits = 0; bits <= 6; bits++) {
            for (int count : new int[] {0, 1, 3, 7, 9, 13, 101, 1001}) {
                int[] codes = new int[count];
                for (int i = 0; i < count; i++) {
                    codes[i] = random.nextInt(1 << bits);
                }
                byte[] packed = BitPacking.pack(codes, bits);
                assertEquals((count * bits + 7) / 8, packed.length, bits + " bits × " + count);
                assertArrayEquals(codes, BitPacking.unpack(packed, bits, count), bits + " bits × " + count);
            }
        }
    }

    @Test
    void codesAreLsbFirst() {
        // 3-bit codes 1, 2, 7 → bit stream 100 010 111 → byte 0 = 0b11_010_001, byte 1 = 0b1
        assertArrayEquals(new byte[] {(byte) 0b11010001, 0b1}, BitPacking.pack(new int[] {1, 2, 7}, 3));
        assertArrayEquals(new byte[] {0b0010_0001}, BitPacking.pack(new int[] {1, 2}, 4));
    }

    @Test
    void zeroBitsStoreNothing() {
        assertEquals(0, BitPacking.pack(new int[] {0, 0, 0}, 0).length);
        assertArrayEquals(new int[] {0, 0, 0}, BitPacking.unpack(new byte[0], 0, 3));
    }

    @Test
    void aCodeTooWideOrAWrongLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BitPacking.pack(new int[] {4}, 2));
        assertThrows(IllegalArgumentException.class, () -> BitPacking.pack(new int[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> BitPacking.unpack(new byte[1], 3, 3));
    }
}
