package org.ringlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX and CIFAR-10 files for tests. */
public final class TestFiles {

    private TestFiles() {
    }

    /** An IDX images file: magic 0x803, count, rows, columns, then the pixels. */
    public static byte[] idxImages(int count, int rows, int columns, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(columns).put(pixels).array();
    }

    /** An IDX labels file: magic 0x801, count, then one byte per label. */
    public static byte[] idxLabels(int... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length).putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    /** CIFAR-10 records: label byte then 3072 pixel bytes each. */
    public static byte[] cifarRecords(int[] labels, byte[] pixels) {
        ByteBuffer buffer = ByteBuffer.allocate(labels.length * CifarLayout.RECORD_BYTES);
        for (int i = 0; i < labels.length; i++) {
            buffer.put((byte) labels[i]).put(pixels, i * CifarLayout.IMAGE_BYTES, CifarLayout.IMAGE_BYTES);
        }
        return buffer.array();
    }

    public static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /**
     * Writes a complete MNIST-like folder: train and t10k splits of {@code rows}×{@code columns}
     * images with the given labels and pixels; gzip-compressed if {@code gzip}.
     */
    public static void writeIdxFolder(Path dir, boolean gzip, int rows, int columns, int[] trainLabels, byte[] trainPixels,
            int[] testLabels, byte[] testPixels) throws IOException {
        String suffix = gzip ? ".gz" : "";
        write(dir, "train-images-idx3-ubyte" + suffix,
                maybeGzip(idxImages(trainLabels.length, rows, columns, trainPixels), gzip));
        write(dir, "train-labels-idx1-ubyte" + suffix, maybeGzip(idxLabels(trainLabels), gzip));
        write(dir, "t10k-images-idx3-ubyte" + suffix,
                maybeGzip(idxImages(testLabels.length, rows, columns, testPixels), gzip));
        write(dir, "t10k-labels-idx1-ubyte" + suffix, maybeGzip(idxLabels(testLabels), gzip));
    }

    /** A small valid folder: 6 training images (labels 0..2) and 3 test images of 4×3 pixels. */
    public static void writeSmallIdxFolder(Path dir, boolean gzip) throws IOException {
        writeIdxFolder(dir, gzip, 4, 3, new int[] {0, 1, 2, 2, 1, 0}, randomBytes(6 * 12, 1),
                new int[] {2, 0, 1}, randomBytes(3 * 12, 2));
    }

    /** A small valid CIFAR-10 folder: two training batches of 3 and 2 records and a test batch of 2. */
    public static void writeSmallCifarFolder(Path dir) throws IOException {
        write(dir, "data_batch_1.bin", cifarRecords(new int[] {0, 9, 3}, randomBytes(3 * 3072, 1)));
        write(dir, "data_batch_2.bin", cifarRecords(new int[] {5, 1}, randomBytes(2 * 3072, 2)));
        write(dir, "test_batch.bin", cifarRecords(new int[] {7, 2}, randomBytes(2 * 3072, 3)));
    }

    public static byte[] maybeGzip(byte[] content, boolean gzip) {
        return gzip ? gzip(content) : content;
    }
}
