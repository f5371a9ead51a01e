package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.io.ReaderOutcome;

/** cifar-100-binary: records of a coarse label byte, a fine label byte and 3x32x32 pixels. */
class Cifar100BinaryReadingTest {
    @TempDir
    Path dir;

    /** Records of (coarse, fine, pixels). */
    static byte[] records(int[] coarse, int[] fine, byte[] pixels) {
        ByteBuffer buffer = ByteBuffer.allocate(fine.length * CifarLayout.RECORD_BYTES_100);
        for (int i = 0; i < fine.length; i++) {
            buffer.put((byte) coarse[i]).put((byte) fine[i]).put(pixels, i * 3072, 3072);
        }
        return buffer.array();
    }

    private static String failure(Path folder) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSets.load(folder));
        ReaderOutcome.assertOneLine(e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
    }

    @Test
    void readsFineLabelsAndPixels() throws Exception {
        byte[] train = TestFiles.randomBytes(3 * 3072, 1);
        byte[] test = TestFiles.randomBytes(3072, 2);
        Files.write(dir.resolve("train.bin"), records(new int[] {19, 0, 4}, new int[] {99, 0, 42}, train));
        Files.write(dir.resolve("test.bin"), records(new int[] {7}, new int[] {57}, test));
        Files.writeString(dir.resolve("fine_label_names.txt"), "apple\n");

        LoadedData data = DataSets.load(dir);
        assertEquals(DataFormat.CIFAR100_BINARY, data.format());
        assertSame(Normalization.CIFAR100, data.normalization());
        assertEquals(100, data.train().numClasses());
        assertArrayEquals(new int[] {99, 0, 42}, data.train().labels());
        assertArrayEquals(Arrays.copyOfRange(train, 3072, 6144), data.train().image(1));
        assertArrayEquals(test, data.test().image(0));
        assertEquals("CIFAR-100 binary: 3x32x32, 100 classes, 3 train / 1 test images", DataSets.describe(dir).toString());
    }

    @Test
    void labelsOutOfRangeAndWrongSizes() throws Exception {
        Files.write(dir.resolve("test.bin"), records(new int[] {1}, new int[] {1}, new byte[3072]));
        Files.write(dir.resolve("train.bin"), records(new int[] {1, 2}, new int[] {3, 100}, new byte[6144]));
        assertContains(failure(dir), "fine label 100 at record 1 of train.bin is out of range 0..99");

        Files.write(dir.resolve("train.bin"), records(new int[] {20}, new int[] {3}, new byte[3072]));
        assertContains(failure(dir), "coarse label 20 at record 0 of train.bin is out of range 0..19");

        // a CIFAR-10 record size is not a CIFAR-100 one
        Files.write(dir.resolve("train.bin"), new byte[2 * 3073]);
        assertContains(failure(dir), "train.bin: size 6146 bytes is not a multiple of 3074 (coarse and fine label bytes");

        Files.delete(dir.resolve("test.bin"));
        assertContains(failure(dir), "no test split: expected CIFAR-100 binary files train.bin and test.bin");
    }
}
