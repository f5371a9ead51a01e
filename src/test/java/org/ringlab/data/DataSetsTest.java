package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format detection and the messages for folders that hold no complete data set. */
class DataSetsTest {

    @TempDir
    Path dir;

    private String loadFailure(Path folder) {
        return assertThrows(DataFormatException.class, () -> DataSets.load(folder)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void detectsIdx() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, true);

        assertEquals(DataFormat.IDX, DataSets.detectFormat(dir));
        assertEquals(Normalization.MNIST, DataSets.load(dir).normalization());
    }

    @Test
    void detectsCifar() throws Exception {
        TestFiles.writeSmallCifarFolder(dir);

        assertEquals(DataFormat.CIFAR10, DataSets.detectFormat(dir));
        assertEquals(Normalization.CIFAR10, DataSets.load(dir).normalization());
    }

    @Test
    void describeIdxMatchesWhatLoadReads() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, true);

        DataSummary summary = DataSets.describe(dir);

        assertEquals(new DataSummary(DataFormat.IDX, 1, 4, 3, 3, 6, 3), summary);
        assertEquals(summary, DataSets.load(dir).summary());
        assertEquals("IDX (MNIST family): 1x4x3, 3 classes, 6 train / 3 test images", summary.toString());
    }

    @Test
    void describeChecksRawFileLengthsAndCounts() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, false);
        Path images = dir.resolve("t10k-images-idx3-ubyte");
        byte[] content = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(content, content.length + 1));

        String message = assertThrows(DataFormatException.class, () -> DataSets.describe(dir)).getMessage();
        assertContains(message, "t10k-images-idx3-ubyte: 1 unexpected bytes after the 3 images");
    }

    @Test
    void missingFolder() {
        Path missing = dir.resolve("nowhere");

        assertContains(loadFailure(missing), missing + ": no such folder; expected a folder holding either IDX pairs",
                "test_batch.bin");
        assertThrows(DataFormatException.class, () -> DataSets.describe(missing));
    }

    @Test
    void fileInsteadOfFolder() throws Exception {
        Path file = TestFiles.write(dir, "train-images-idx3-ubyte", new byte[0]);

        assertContains(loadFailure(file), file + " is a file, not a folder");
    }

    @Test
    void emptyFolder() {
        assertContains(loadFailure(dir), "no data set found: expected either IDX pairs",
                "data_batch_1.bin", "found nothing (the folder is empty)");
    }

    @Test
    void unrelatedFilesAreListed() throws Exception {
        TestFiles.write(dir, "notes.txt", new byte[1]);
        Files.createDirectory(dir.resolve("cifar-10-batches-bin"));

        assertContains(loadFailure(dir), "no data set found", "found notes.txt, cifar-10-batches-bin/");
    }

    @Test
    void longListingsAreCut() throws Exception {
        for (int i = 0; i < 25; i++) {
            TestFiles.write(dir, String.format("file%02d.txt", i), new byte[0]);
        }

        String message = loadFailure(dir);
        assertContains(message, "file19.txt and 5 more");
        assertTrue(!message.contains("file20.txt"), message);
    }

    @Test
    void imagesWithoutLabels() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));

        assertContains(loadFailure(dir), "t10k-images-idx3-ubyte.gz has no labels file (expected "
                + "t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte.gz)", "found t10k-images-idx3-ubyte.gz, ");
    }

    @Test
    void onlyImages() throws Exception {
        TestFiles.write(dir, "train-images-idx3-ubyte.gz", new byte[0]);
        TestFiles.write(dir, "t10k-images-idx3-ubyte.gz", new byte[0]);

        assertContains(loadFailure(dir), "has no labels file");
    }

    @Test
    void labelsWithoutImages() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, false);
        Files.delete(dir.resolve("train-images-idx3-ubyte"));

        assertContains(loadFailure(dir), "train-labels-idx1-ubyte has no images file (expected "
                + "train-images-idx3-ubyte or train-images-idx3-ubyte.gz)");
    }

    @Test
    void trainWithoutTest() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, true);
        Files.delete(dir.resolve("t10k-images-idx3-ubyte.gz"));
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));

        assertContains(loadFailure(dir), "no test split: expected an IDX images/labels pair with prefix \"t10k\"",
                "found train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz");
    }

    @Test
    void testWithoutTrain() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, true);
        Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));
        Files.delete(dir.resolve("train-labels-idx1-ubyte.gz"));

        assertContains(loadFailure(dir), "no training split: expected an IDX images/labels pair with a prefix"
                + " containing \"train\"");
    }

    @Test
    void severalTrainingSplits() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, true);
        Files.copy(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("extra-train-images-idx3-ubyte.gz"));
        Files.copy(dir.resolve("train-labels-idx1-ubyte.gz"), dir.resolve("extra-train-labels-idx1-ubyte.gz"));

        assertContains(loadFailure(dir), "several training splits (extra-train, train); keep one data set per folder");
    }

    @Test
    void prefixNeitherTrainNorTest() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, true);
        Files.copy(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("valid-images-idx3-ubyte.gz"));
        Files.copy(dir.resolve("t10k-labels-idx1-ubyte.gz"), dir.resolve("valid-labels-idx1-ubyte.gz"));

        assertContains(loadFailure(dir), "cannot tell whether prefix \"valid\" is the training or the test split");
    }

    @Test
    void idxAndCifarInOneFolder() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, true);
        TestFiles.writeSmallCifarFolder(dir);

        assertContains(loadFailure(dir), "files of IDX (MNIST family) and CIFAR-10 binary; keep one data set per folder");
    }
}
