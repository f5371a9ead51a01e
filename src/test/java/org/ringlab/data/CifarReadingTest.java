package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReadingTest {

    @TempDir
    Path dir;

    private final byte[] batch1Pixels = TestFiles.randomBytes(3 * 3072, 21);
    private final byte[] batch2Pixels = TestFiles.randomBytes(2 * 3072, 22);
    private final byte[] testPixels = TestFiles.randomBytes(2 * 3072, 23);

    private void writeValidFolder() throws Exception {
        // written out of name order: reading must still follow the names
        TestFiles.write(dir, "data_batch_2.bin", TestFiles.cifarRecords(new int[] {5, 1}, batch2Pixels));
        TestFiles.write(dir, "data_batch_1.bin", TestFiles.cifarRecords(new int[] {0, 9, 3}, batch1Pixels));
        TestFiles.write(dir, "test_batch.bin", TestFiles.cifarRecords(new int[] {7, 2}, testPixels));
        TestFiles.write(dir, "batches.meta.txt", "airplane\nautomobile\n".getBytes(StandardCharsets.US_ASCII));
    }

    private String loadFailure() {
        return assertThrows(DataFormatException.class, () -> DataSets.load(dir)).getMessage();
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
    }

    @Test
    void readsBatchesInNameOrderChannelMajor() throws Exception {
        writeValidFolder();

        LoadedData data = DataSets.load(dir);

        assertEquals(DataFormat.CIFAR10, data.format());
        ImageDataSet train = data.train();
        assertEquals(3, train.channels());
        assertEquals(32, train.height());
        assertEquals(32, train.width());
        assertEquals(10, train.numClasses());
        assertArrayEquals(new int[] {0, 9, 3, 5, 1}, train.labels());
        assertArrayEquals(new int[] {7, 2}, data.test().labels());

        assertArrayEquals(Arrays.copyOfRange(batch1Pixels, 3072, 2 * 3072), train.image(1));
        assertArrayEquals(Arrays.copyOfRange(batch2Pixels, 0, 3072), train.image(3));
        assertArrayEquals(Arrays.copyOfRange(testPixels, 3072, 2 * 3072), data.test().image(1));
        // channel-major: green (c=1) pixel (y=2, x=5) of training image 4 = record 1 of batch 2
        assertEquals(Byte.toUnsignedInt(batch2Pixels[3072 + 1024 + 2 * 32 + 5]), train.pixel(4, 1, 2, 5));
    }

    @Test
    void describeCountsRecordsFromFileSizes() throws Exception {
        writeValidFolder();

        assertEquals(new DataSummary(DataFormat.CIFAR10, 3, 32, 32, 10, 5, 2), DataSets.describe(dir));
        assertEquals(DataSets.describe(dir), DataSets.load(dir).summary());
    }

    @Test
    void sizeNotAMultipleOfTheRecordSize() throws Exception {
        writeValidFolder();
        Path batch = dir.resolve("data_batch_2.bin");
        Files.write(batch, Arrays.copyOf(Files.readAllBytes(batch), 2 * 3073 + 1));

        assertContains(loadFailure(),
                "data_batch_2.bin: size 6147 bytes is not a multiple of 3073 (1 label byte + 3x32x32 pixels)");
        assertThrows(DataFormatException.class, () -> DataSets.describe(dir));
    }

    @Test
    void emptyBatch() throws Exception {
        writeValidFolder();
        TestFiles.write(dir, "test_batch.bin", new byte[0]);

        assertContains(loadFailure(), "test_batch.bin: empty file");
    }

    @Test
    void testLabelOutOfRange() throws Exception {
        writeValidFolder();
        TestFiles.write(dir, "test_batch.bin", TestFiles.cifarRecords(new int[] {7, 12}, testPixels));

        assertContains(loadFailure(), "label 12 at record 1 of test_batch.bin is out of range 0..9");
    }

    @Test
    void trainingLabelOutOfRange() throws Exception {
        writeValidFolder();
        TestFiles.write(dir, "data_batch_2.bin", TestFiles.cifarRecords(new int[] {255, 1}, batch2Pixels));

        assertContains(loadFailure(), "label 255 at record 0 of data_batch_2.bin is out of range 0..9");
    }

    @Test
    void missingTestBatch() throws Exception {
        writeValidFolder();
        Files.delete(dir.resolve("test_batch.bin"));

        String message = loadFailure();
        assertContains(message, "no test split: expected test_batch.bin");
        assertContains(message, "found batches.meta.txt, data_batch_1.bin, data_batch_2.bin");
    }

    @Test
    void missingTrainingBatches() throws Exception {
        TestFiles.write(dir, "test_batch.bin", TestFiles.cifarRecords(new int[] {7, 2}, testPixels));

        String message = loadFailure();
        assertContains(message, "no training split: expected CIFAR-10 batches data_batch_1.bin");
        assertContains(message, "found test_batch.bin");
    }
}
