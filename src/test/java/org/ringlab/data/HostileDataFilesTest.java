package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.io.SpecialFiles;

/**
 * Files built to exhaust memory or block a reader (issue 16): each is refused from its header or
 * its kind, with one line naming the file, before anything large is allocated.
 */
class HostileDataFilesTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
        assertFalse(message.contains("\n"), () -> "not one line: " + message);
    }

    private String loadFailure() {
        return assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(DataFormatException.class, () -> DataSets.load(dir)).getMessage());
    }

    /** {@code content} followed by {@code zeros} zero bytes, gzip-compressed at best compression. */
    private static byte[] gzipWithZeros(byte[] content, int zeros) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(content);
            byte[] block = new byte[1 << 16];
            for (int left = zeros; left > 0; left -= block.length) {
                gz.write(block, 0, Math.min(left, block.length));
            }
        }
        return out.toByteArray();
    }

    @Test
    void gzipLabelsClaimingTwoBillionAreRefusedOnTheirHeader() throws Exception {
        // the case at a smaller scale: a header claiming 2,147,483,639 records over a run of zeros
        byte[] header = ByteBuffer.allocate(8).putInt(IdxReader.LABELS_MAGIC).putInt(2_147_483_639).array();
        Path file = TestFiles.write(dir, "train-labels-idx1-ubyte.gz", gzipWithZeros(header, 4 << 20));

        String message = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(file)).getMessage();
        assertContains(message, "train-labels-idx1-ubyte.gz: header says 2147483639 labels",
                "more than the 1073.7 MB (1073741824 bytes) RingLab reads from one file");
    }

    @Test
    void gzipHeaderClaimingMoreThanDeflateCanHoldIsRefused() throws Exception {
        byte[] images = TestFiles.idxImages(600_000, 28, 28, new byte[28 * 28]);
        Path file = TestFiles.write(dir, "train-images-idx3-ubyte.gz", TestFiles.gzip(images));

        String message = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file)).getMessage();
        assertContains(message, "header says 600000 images of 28x28 pixels, 470.4 MB",
                "bytes of gzip data expand to at most", "the header is wrong or the file is cut short");
    }

    @Test
    void imagesLargerThanTheImageSizeCapAreRefused() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, false);
        // a valid file of one 2048x2048 image: its pixels are there, but no model here could take them
        TestFiles.write(dir, "train-images-idx3-ubyte", TestFiles.idxImages(6, 2048, 2048, new byte[6 * 2048 * 2048]));

        assertContains(loadFailure(),
                "train-images-idx3-ubyte: images are 2048x2048 pixels; RingLab reads images of at most 1024x1024");
    }

    @Test
    void gzipWithBytesAfterItsDataIsRefused() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, true);
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        byte[] gz = Files.readAllBytes(labels);
        byte[] longer = java.util.Arrays.copyOf(gz, gz.length + 7);
        System.arraycopy("garbage".getBytes(StandardCharsets.US_ASCII), 0, longer, gz.length, 7);
        Files.write(labels, longer);

        assertContains(loadFailure(), "train-labels-idx1-ubyte.gz: unexpected bytes after the end of the gzip data");
    }

    @Test
    void concatenatedGzipMembersAreStillOneFile() throws Exception {
        byte[] labels = TestFiles.idxLabels(0, 1, 2, 1);
        byte[] first = TestFiles.gzip(java.util.Arrays.copyOf(labels, 9));
        byte[] second = TestFiles.gzip(java.util.Arrays.copyOfRange(labels, 9, labels.length));
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        Path file = TestFiles.write(dir, "train-labels-idx1-ubyte.gz", both);

        assertArrayEquals(new byte[] {0, 1, 2, 1}, IdxReader.readLabels(file));
    }

    @Test
    void aNamedPipeInPlaceOfAnIdxFileIsRefusedWithoutBlocking() throws Exception {
        TestFiles.writeSmallIdxFolder(dir, false);
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        SpecialFiles.fifo(dir, "train-images-idx3-ubyte");

        assertContains(loadFailure(), "train-images-idx3-ubyte: is a named pipe (FIFO), not a regular file");
    }

    @Test
    void aNamedPipeInPlaceOfACifarBatchIsNamedAsSuch() throws Exception {
        TestFiles.write(dir, "data_batch_1.bin", TestFiles.cifarRecords(new int[] {1},
                TestFiles.randomBytes(CifarLayout.IMAGE_BYTES, 3)));
        SpecialFiles.fifo(dir, "test_batch.bin");

        assertContains(loadFailure(), "test_batch.bin: is a named pipe (FIFO), not a regular file");
    }
}
