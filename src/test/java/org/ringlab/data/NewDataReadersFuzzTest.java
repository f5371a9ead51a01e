package org.ringlab.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ringlab.io.ByteMutation;
import org.ringlab.io.FuzzFolder;
import org.ringlab.io.ReaderOutcome;

/**
 * Property-based fuzzing of the CIFAR Python (pickle), CIFAR-100 binary and image-folder readers:
 * whatever the bytes, a reader returns data or throws a {@link DataFormatException} with one line,
 * never another exception, an Error or a hang. 200 tries each keeps the suite fast; for a longer
 * hunt raise {@code tries}.
 */
class NewDataReadersFuzzTest {
    private static final Path DIR = FuzzFolder.create("ringlab-new-data-fuzz");
    private static final int[] LABELS = {3, 1, 4, 1, 5, 9};
    private static final byte[] PIXELS = TestFiles.randomBytes(LABELS.length * 3072, 11);
    private static final byte[] NUMPY2 =
            CifarPickles.numpy2("labels", LABELS, new long[] {LABELS.length, 3072}, PIXELS, null);
    private static final byte[] PYTHON2 = CifarPickles.python2("labels", LABELS, new long[] {LABELS.length, 3072}, PIXELS);
    private static final byte[] PNG = image("png", BufferedImage.TYPE_INT_RGB);
    private static final byte[] GREY_PNG = image("png", BufferedImage.TYPE_BYTE_GRAY);
    private static final byte[] JPEG = image("jpg", BufferedImage.TYPE_INT_RGB);

    private static byte[] image(String format, int type) {
        BufferedImage image = new BufferedImage(12, 9, type);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 12; x++) {
                image.setRGB(x, y, (x * 20) << 16 | (y * 25) << 8 | (x + y) * 9);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        FuzzFolder.delete(DIR);
    }

    @Provide
    Arbitrary<List<ByteMutation>> mutations() {
        return ByteMutation.lists(6);
    }

    @Property(tries = 200)
    void cifarPythonBatches(@ForAll("mutations") List<ByteMutation> mutations, @ForAll boolean python2,
            @ForAll boolean testBatch) throws IOException {
        Path folder = Files.createDirectories(DIR.resolve("cifar-10-batches-py"));
        byte[] batch = python2 ? PYTHON2 : NUMPY2;
        byte[] mutated = ByteMutation.applyAll(batch, mutations);
        Files.write(folder.resolve("data_batch_1"), testBatch ? batch : mutated);
        Files.write(folder.resolve("test_batch"), testBatch ? mutated : batch);
        ReaderOutcome.check(() -> DataSets.describe(folder), DataFormatException.class);
        ReaderOutcome.check(() -> DataSets.load(folder), DataFormatException.class);
    }

    @Property(tries = 200)
    void cifar100Binary(@ForAll("mutations") List<ByteMutation> mutations) throws IOException {
        Path folder = Files.createDirectories(DIR.resolve("cifar-100-binary"));
        byte[] records = Cifar100BinaryReadingTest.records(LABELS, new int[] {99, 0, 42, 7, 7, 63}, PIXELS);
        Files.write(folder.resolve("train.bin"), ByteMutation.applyAll(records, mutations));
        Files.write(folder.resolve("test.bin"), records);
        ReaderOutcome.check(() -> DataSets.load(folder), DataFormatException.class);
    }

    @Property(tries = 200)
    void imageFolder(@ForAll("mutations") List<ByteMutation> mutations, @ForAll boolean jpeg, @ForAll boolean grey)
            throws IOException {
        Path folder = DIR.resolve("images");
        Files.createDirectories(folder.resolve("a"));
        Files.createDirectories(folder.resolve("b"));
        byte[] seed = jpeg ? JPEG : grey ? GREY_PNG : PNG;
        for (int i = 0; i < 5; i++) {
            Files.write(folder.resolve("a/" + i + (jpeg ? ".jpg" : ".png")), i == 2 ? ByteMutation.applyAll(seed, mutations)
                    : seed);
        }
        Files.write(folder.resolve("b/0.png"), PNG);
        ReaderOutcome.check(() -> DataSets.describe(folder, 8), DataFormatException.class);
        ReaderOutcome.check(() -> DataSets.load(folder, 8), DataFormatException.class);
    }
}
