package org.ringlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ringlab.io.ByteMutation;
import org.ringlab.io.FuzzFolder;
import org.ringlab.io.ReaderOutcome;

/**
 * Property-based fuzzing of the IDX (raw and gzip) and CIFAR-10 readers, from seeds cut from the
 * MNIST sample in sample-data/: whatever the bytes, a reader returns data or throws a {@link
 * DataFormatException} with one line, never another exception, an Error or a hang.
 */
class DataReadersFuzzTest {
    private static final Path DIR = FuzzFolder.create("ringlab-data-fuzz");
    /** The first 20 test images and labels of sample-data/, with their counts set to 20. */
    private static final byte[] IMAGES = sampleSlice("t10k-images-idx3-ubyte.gz", 16, 28 * 28);
    private static final byte[] LABELS = sampleSlice("t10k-labels-idx1-ubyte.gz", 8, 1);
    private static final int SEED_COUNT = 20;

    private static byte[] sampleSlice(String name, int header, int itemBytes) {
        Path file = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").resolve(name);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] slice = in.readNBytes(header + SEED_COUNT * itemBytes);
            ByteBuffer.wrap(slice).putInt(4, SEED_COUNT);
            return slice;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        FuzzFolder.delete(DIR);
    }

    @Provide
    Arbitrary<List<ByteMutation>> mutations() {
        return ByteMutation.lists(6);
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(DIR.resolve(name), bytes);
    }

    @Property
    void rawIdxImages(@ForAll("mutations") List<ByteMutation> mutations) throws IOException {
        Path file = write("images", ByteMutation.applyAll(IMAGES, mutations));
        IdxReader.Images images = ReaderOutcome.check(() -> IdxReader.readImages(file), DataFormatException.class);
        if (images != null) {
            assertConsistent(images);
        }
    }

    @Property
    void rawIdxLabels(@ForAll("mutations") List<ByteMutation> mutations) throws IOException {
        Path file = write("labels", ByteMutation.applyAll(LABELS, mutations));
        ReaderOutcome.check(() -> IdxReader.readLabels(file), DataFormatException.class);
    }

    /** Mutations of the compressed bytes reach the gzip decoder; of the content, the IDX checks behind it. */
    @Property
    void gzipIdxImages(@ForAll("mutations") List<ByteMutation> compressed,
            @ForAll("mutations") List<ByteMutation> content, @ForAll boolean mutateContent) throws IOException {
        byte[] gz = TestFiles.gzip(mutateContent ? ByteMutation.applyAll(IMAGES, content) : IMAGES);
        Path file = write("images.gz", ByteMutation.applyAll(gz, compressed));
        ReaderOutcome.check(() -> IdxReader.readImagesHeader(file), DataFormatException.class);
        IdxReader.Images images = ReaderOutcome.check(() -> IdxReader.readImages(file), DataFormatException.class);
        if (images != null) {
            assertConsistent(images);
        }
    }

    @Property
    void cifarBatches(@ForAll("mutations") List<ByteMutation> mutations, @ForAll boolean testBatch) throws IOException {
        Path folder = Files.createDirectories(DIR.resolve("cifar"));
        int[] labels = {3, 1, 4, 1, 5, 9};
        byte[] pixels = new byte[labels.length * CifarLayout.IMAGE_BYTES];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = IMAGES[16 + i % (IMAGES.length - 16)]; // MNIST strokes as RGB planes
        }
        byte[] batch = TestFiles.cifarRecords(labels, pixels);
        byte[] mutated = ByteMutation.applyAll(batch, mutations);
        Files.write(folder.resolve("data_batch_1.bin"), testBatch ? batch : mutated);
        Files.write(folder.resolve("test_batch.bin"), testBatch ? mutated : batch);
        ReaderOutcome.check(() -> DataSets.describe(folder), DataFormatException.class);
        ReaderOutcome.check(() -> DataSets.load(folder), DataFormatException.class);
    }

    private static void assertConsistent(IdxReader.Images images) {
        IdxReader.ImagesHeader h = images.header();
        if (images.pixels().length != (long) h.count() * h.rows() * h.columns()
                || h.rows() > DataLimits.MAX_IMAGE_SIDE || h.columns() > DataLimits.MAX_IMAGE_SIDE) {
            throw new AssertionError("accepted an inconsistent file: " + h + ", " + images.pixels().length + " bytes, "
                    + Arrays.toString(Arrays.copyOf(images.pixels(), 4)));
        }
    }
}
