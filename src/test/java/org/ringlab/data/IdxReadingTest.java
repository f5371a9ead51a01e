package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReadingTest {

    private static final int ROWS = 4;
    private static final int COLUMNS = 3;
    private static final int[] TRAIN_LABELS = {0, 1, 2, 2, 1, 0};
    private static final int[] TEST_LABELS = {2, 0, 1};

    @TempDir
    Path dir;

    private final byte[] trainPixels = TestFiles.randomBytes(TRAIN_LABELS.length * ROWS * COLUMNS, 11);
    private final byte[] testPixels = TestFiles.randomBytes(TEST_LABELS.length * ROWS * COLUMNS, 12);

    private void writeValidFolder(boolean gzip) throws Exception {
        TestFiles.writeIdxFolder(dir, gzip, ROWS, COLUMNS, TRAIN_LABELS, trainPixels, TEST_LABELS, testPixels);
    }

    private static String suffix(boolean gzip) {
        return gzip ? ".gz" : "";
    }

    private String loadFailure() {
        return assertThrows(DataFormatException.class, () -> DataSets.load(dir)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    private static void assertHolds(ImageDataSet data, int[] labels, byte[] pixels) {
        assertEquals(labels.length, data.count());
        assertArrayEquals(labels, data.labels());
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i], data.label(i));
            assertArrayEquals(Arrays.copyOfRange(pixels, i * ROWS * COLUMNS, (i + 1) * ROWS * COLUMNS), data.image(i));
        }
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsPixelsAndLabelsOfBothSplits(boolean gzip) throws Exception {
        writeValidFolder(gzip);

        LoadedData data = DataSets.load(dir);

        assertEquals(DataFormat.IDX, data.format());
        for (ImageDataSet split : new ImageDataSet[] {data.train(), data.test()}) {
            assertEquals(1, split.channels());
            assertEquals(ROWS, split.height());
            assertEquals(COLUMNS, split.width());
            assertEquals(3, split.numClasses());
        }
        assertHolds(data.train(), TRAIN_LABELS, trainPixels);
        assertHolds(data.test(), TEST_LABELS, testPixels);
        // row-major: pixel (y, x) of image 1 is byte 12 + y*3 + x
        assertEquals(Byte.toUnsignedInt(trainPixels[12 + 2 * COLUMNS + 1]), data.train().pixel(1, 0, 2, 1));
    }

    @Test
    void numberOfClassesIsLargestTrainingLabelPlusOne() throws Exception {
        TestFiles.writeIdxFolder(dir, false, 1, 1, new int[] {0, 46, 3}, new byte[3], new int[] {45}, new byte[1]);

        assertEquals(47, DataSets.load(dir).train().numClasses());
        assertEquals(47, DataSets.load(dir).test().numClasses());
    }

    @Test
    void badImagesMagicNumber() throws Exception {
        writeValidFolder(true);
        byte[] images = TestFiles.idxImages(6, ROWS, COLUMNS, trainPixels);
        ByteBuffer.wrap(images).putInt(0, 0x00000802);
        TestFiles.write(dir, "train-images-idx3-ubyte.gz", TestFiles.gzip(images));

        assertContains(loadFailure(), "train-images-idx3-ubyte.gz: bad magic number 0x00000802, expected 0x00000803"
                + " (IDX unsigned-byte 3-D images)", "looks like IDX unsigned-byte 2-D data");
    }

    @Test
    void labelsFileInPlaceOfImagesIsNamedAsSuch() throws Exception {
        writeValidFolder(false);
        TestFiles.write(dir, "t10k-images-idx3-ubyte", TestFiles.idxLabels(TEST_LABELS));

        assertContains(loadFailure(), "t10k-images-idx3-ubyte: bad magic number 0x00000801",
                "looks like IDX unsigned-byte 1-D data");
    }

    @Test
    void badLabelsMagicNumber() throws Exception {
        writeValidFolder(false);
        TestFiles.write(dir, "train-labels-idx1-ubyte", "this is some text".getBytes(StandardCharsets.US_ASCII));

        assertContains(loadFailure(), "train-labels-idx1-ubyte: bad magic number 0x74686973, expected 0x00000801",
                "not an IDX file");
    }

    @ParameterizedTest(name = "header field at byte {0}")
    @ValueSource(ints = {4, 8, 12})
    void zeroImageDimension(int offset) throws Exception {
        writeValidFolder(false);
        byte[] images = TestFiles.idxImages(6, ROWS, COLUMNS, trainPixels);
        ByteBuffer.wrap(images).putInt(offset, 0);
        TestFiles.write(dir, "train-images-idx3-ubyte", images);

        String field = switch (offset) {
            case 4 -> "image count";
            case 8 -> "number of rows per image";
            default -> "number of columns per image";
        };
        assertContains(loadFailure(), "train-images-idx3-ubyte: header says the " + field + " is 0");
    }

    @Test
    void zeroLabelCount() throws Exception {
        writeValidFolder(false);
        TestFiles.write(dir, "t10k-labels-idx1-ubyte", TestFiles.idxLabels());

        assertContains(loadFailure(), "t10k-labels-idx1-ubyte: header says the label count is 0");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void truncatedHeader(boolean gzip) throws Exception {
        writeValidFolder(gzip);
        byte[] images = Arrays.copyOf(TestFiles.idxImages(6, ROWS, COLUMNS, trainPixels), 10);
        TestFiles.write(dir, "train-images-idx3-ubyte" + suffix(gzip), TestFiles.maybeGzip(images, gzip));

        assertContains(loadFailure(), "train-images-idx3-ubyte" + suffix(gzip)
                + ": truncated header: the data ends after 10 bytes, but the header needs 16");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void emptyFile(boolean gzip) throws Exception {
        writeValidFolder(gzip);
        TestFiles.write(dir, "t10k-labels-idx1-ubyte" + suffix(gzip), TestFiles.maybeGzip(new byte[0], gzip));

        assertContains(loadFailure(), "t10k-labels-idx1-ubyte" + suffix(gzip) + ": empty");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void truncatedImages(boolean gzip) throws Exception {
        writeValidFolder(gzip);
        byte[] images = TestFiles.idxImages(6, ROWS, COLUMNS, trainPixels);
        byte[] cut = Arrays.copyOf(images, images.length - 7);
        TestFiles.write(dir, "train-images-idx3-ubyte" + suffix(gzip), TestFiles.maybeGzip(cut, gzip));

        assertContains(loadFailure(), "train-images-idx3-ubyte" + suffix(gzip)
                + ": truncated: header says 6 images but the file holds 5 and part of another");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void truncatedLabels(boolean gzip) throws Exception {
        writeValidFolder(gzip);
        byte[] labels = TestFiles.idxLabels(TEST_LABELS);
        ByteBuffer.wrap(labels).putInt(4, 10000);
        TestFiles.write(dir, "t10k-labels-idx1-ubyte" + suffix(gzip), TestFiles.maybeGzip(labels, gzip));

        assertContains(loadFailure(), "t10k-labels-idx1-ubyte" + suffix(gzip)
                + ": truncated: header says 10000 labels but the file holds 3");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void trailingBytes(boolean gzip) throws Exception {
        writeValidFolder(gzip);
        byte[] images = TestFiles.idxImages(6, ROWS, COLUMNS, trainPixels);
        byte[] longer = Arrays.copyOf(images, images.length + 3);
        TestFiles.write(dir, "train-images-idx3-ubyte" + suffix(gzip), TestFiles.maybeGzip(longer, gzip));

        assertContains(loadFailure(), "train-images-idx3-ubyte" + suffix(gzip)
                + ": 3 unexpected bytes after the 6 images the header announces");
    }

    @ParameterizedTest(name = "file={0}")
    @ValueSource(strings = {"train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"})
    void truncatedGzipStreamIsExplainedNotThrownRaw(String name) throws Exception {
        writeValidFolder(true);
        byte[] compressed = Files.readAllBytes(dir.resolve(name));
        TestFiles.write(dir, name, Arrays.copyOf(compressed, compressed.length - 12));

        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSets.load(dir));
        assertContains(e.getMessage(), name + ": truncated gzip stream");
        assertInstanceOf(EOFException.class, e.getCause());
    }

    @Test
    void gzipCutInsideItsHeader() throws Exception {
        writeValidFolder(true);
        TestFiles.write(dir, "train-labels-idx1-ubyte.gz", new byte[] {0x1f, (byte) 0x8b, 8});

        assertContains(loadFailure(), "train-labels-idx1-ubyte.gz: truncated gzip stream");
    }

    @Test
    void corruptGzipChecksum() throws Exception {
        writeValidFolder(true);
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        byte[] compressed = Files.readAllBytes(labels);
        compressed[compressed.length - 8] ^= 0x55; // first byte of the CRC-32 in the gzip trailer
        Files.write(labels, compressed);

        assertContains(loadFailure(), "train-labels-idx1-ubyte.gz: corrupt gzip data");
    }

    @Test
    void imageAndLabelCountsDiffer() throws Exception {
        writeValidFolder(false);
        TestFiles.write(dir, "train-labels-idx1-ubyte", TestFiles.idxLabels(0, 1, 2, 2, 1));

        assertContains(loadFailure(),
                "images file train-images-idx3-ubyte has 6 images but labels file train-labels-idx1-ubyte has 5 labels");
    }

    @Test
    void testLabelBeyondTrainingClasses() throws Exception {
        writeValidFolder(true);
        TestFiles.write(dir, "t10k-labels-idx1-ubyte.gz", TestFiles.gzip(TestFiles.idxLabels(2, 3, 1)));

        assertContains(loadFailure(), "label 3 at record 1 of t10k-labels-idx1-ubyte.gz is out of range 0..2");
    }

    @Test
    @SuppressWarnings("ArgumentSelectionDefectChecker") // columns and rows swapped on purpose: 3x4 images
    void testImagesOfAnotherSize() throws Exception {
        writeValidFolder(false);
        TestFiles.write(dir, "t10k-images-idx3-ubyte", TestFiles.idxImages(3, COLUMNS, ROWS, testPixels));

        assertContains(loadFailure(), "t10k-images-idx3-ubyte: images are 3x4 but the training images");
    }

    @Test
    void absurdCountInGzipHeaderFailsAsTruncatedWithoutHugeAllocation() throws Exception {
        byte[] images = TestFiles.idxImages(1, ROWS, COLUMNS, Arrays.copyOf(trainPixels, 12));
        // 24 KB announced, 12 bytes present: within what the gzip file could hold, so it is read and found short
        ByteBuffer.wrap(images).putInt(4, 2_000);
        Path file = TestFiles.write(dir, "x-images-idx3-ubyte.gz", TestFiles.gzip(images));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));
        assertContains(e.getMessage(), "header says 2000 images but the file holds 1");
    }

    @Test
    void imagesTooLargeForOneArray() throws Exception {
        byte[] images = TestFiles.idxImages(100_000_000, 28, 28, new byte[0]);
        Path file = TestFiles.write(dir, "big-images-idx3-ubyte", images);

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImagesHeader(file));
        assertContains(e.getMessage(), "big-images-idx3-ubyte: header says 100000000 images of 28x28 pixels");
    }

    @Test
    void uncompressedFileWinsOverItsGzipTwin() throws Exception {
        writeValidFolder(false);
        // the dot-named raw file sorts after the dash-named gzip file, so the choice is not just listing order
        Files.move(dir.resolve("train-labels-idx1-ubyte"), dir.resolve("train-labels.idx1-ubyte"));
        TestFiles.write(dir, "train-labels-idx1-ubyte.gz", TestFiles.gzip(TestFiles.idxLabels(1, 1, 1, 1, 1, 1)));

        assertArrayEquals(TRAIN_LABELS, DataSets.load(dir).train().labels());
    }

    @Test
    void dotBeforeIdxInNamesIsAccepted() throws Exception {
        TestFiles.write(dir, "train-images.idx3-ubyte", TestFiles.idxImages(6, ROWS, COLUMNS, trainPixels));
        TestFiles.write(dir, "train-labels.idx1-ubyte", TestFiles.idxLabels(TRAIN_LABELS));
        TestFiles.write(dir, "t10k-images.idx3-ubyte", TestFiles.idxImages(3, ROWS, COLUMNS, testPixels));
        TestFiles.write(dir, "t10k-labels.idx1-ubyte", TestFiles.idxLabels(TEST_LABELS));

        assertHolds(DataSets.load(dir).test(), TEST_LABELS, testPixels);
    }

    @Test
    void emnistStylePrefixes() throws Exception {
        TestFiles.write(dir, "emnist-letters-train-images-idx3-ubyte.gz",
                TestFiles.gzip(TestFiles.idxImages(6, ROWS, COLUMNS, trainPixels)));
        TestFiles.write(dir, "emnist-letters-train-labels-idx1-ubyte.gz", TestFiles.gzip(TestFiles.idxLabels(TRAIN_LABELS)));
        TestFiles.write(dir, "emnist-letters-test-images-idx3-ubyte.gz",
                TestFiles.gzip(TestFiles.idxImages(3, ROWS, COLUMNS, testPixels)));
        TestFiles.write(dir, "emnist-letters-test-labels-idx1-ubyte.gz", TestFiles.gzip(TestFiles.idxLabels(TEST_LABELS)));

        LoadedData data = DataSets.load(dir);

        assertHolds(data.train(), TRAIN_LABELS, trainPixels);
        assertHolds(data.test(), TEST_LABELS, testPixels);
    }
}
