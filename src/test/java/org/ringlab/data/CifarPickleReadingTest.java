package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.io.ReaderOutcome;

/** CIFAR-10 and CIFAR-100 as torchvision downloads them: pickled NumPy batches, and hostile pickles. */
class CifarPickleReadingTest {

    /**
     * {@code pickle.dumps({b'labels': [3, 7], b'data': np.arange(6, dtype=np.uint8).reshape(2, 3)},
     * protocol=4)} as Python 3.11 with NumPy 2.4.6 writes it.
     */
    private static final String NUMPY2_PICKLE = "800495ad000000000000007d942843066c6162656c73945d94284b034b07654304"
            + "64617461948c166e756d70792e5f636f72652e6d756c74696172726179948c0c5f7265636f6e7374727563749493948c056e"
            + "756d7079948c076e6461727261799493944b0085944301629487945294284b014b024b03869468078c0564747970659493948c"
            + "02753194898887945294284b038c017c944e4e4e4affffffff4affffffff4b0074946289430600010203040594749462752e";

    @TempDir
    Path dir;

    private static long[] flat(int n) {
        return new long[] {n, 3072};
    }

    private static byte[] pixels(int n, int seed) {
        return TestFiles.randomBytes(n * 3072, seed);
    }

    private static String failure(Path folder) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSets.load(folder));
        ReaderOutcome.assertOneLine(e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void theFixtureWriterWritesWhatNumpyWrites() {
        byte[] written = CifarPickles.numpy2("labels", new int[] {3, 7}, new long[] {2, 3}, new byte[] {0, 1, 2, 3, 4, 5},
                null);
        assertEquals(NUMPY2_PICKLE, HexFormat.of().formatHex(written));
    }

    @Test
    void readsCifar10BatchesAsNumpy2WritesThem() throws Exception {
        byte[] train1 = pixels(3, 1);
        byte[] train2 = pixels(2, 2);
        byte[] test = pixels(2, 3);
        Files.write(dir.resolve("data_batch_1"), CifarPickles.numpy2("labels", new int[] {0, 9, 4}, flat(3), train1, null));
        Files.write(dir.resolve("data_batch_2"), CifarPickles.numpy2("labels", new int[] {5, 1}, flat(2), train2, null));
        Files.write(dir.resolve("test_batch"), CifarPickles.numpy2("labels", new int[] {2, 3}, flat(2), test, null));
        Files.write(dir.resolve("batches.meta"), new byte[] {1, 2, 3}); // not read
        Files.writeString(dir.resolve("readme.html"), "<html>");

        LoadedData data = DataSets.load(dir);
        assertEquals(DataFormat.CIFAR10_PICKLE, data.format());
        assertSame(Normalization.CIFAR10, data.normalization());
        assertArrayEquals(new int[] {0, 9, 4, 5, 1}, data.train().labels());
        assertArrayEquals(new int[] {2, 3}, data.test().labels());
        assertEquals(10, data.train().numClasses());
        assertArrayEquals(Arrays.copyOfRange(train2, 3072, 6144), data.train().image(4));
        // channel-major as in the binary batches: byte 1024 of an image is the first green pixel
        assertEquals(Byte.toUnsignedInt(test[3072 + 1024]), data.test().pixel(1, 1, 0, 0));
        assertEquals(data.summary(), DataSets.describe(dir));
        assertEquals(DataFormat.CIFAR10_PICKLE, DataSets.detectFormat(dir));
    }

    @Test
    void readsThePython2PicklesOfTheOriginalDownload() throws Exception {
        byte[] train = pixels(2, 4);
        byte[] test = pixels(1, 5);
        Files.write(dir.resolve("data_batch_1"), CifarPickles.python2("labels", new int[] {7, 8}, flat(2), train));
        Files.write(dir.resolve("test_batch"), CifarPickles.python2("labels", new int[] {6}, new long[] {1, 3, 32, 32},
                test));

        LoadedData data = DataSets.load(dir);
        assertArrayEquals(new int[] {7, 8}, data.train().labels());
        assertArrayEquals(Arrays.copyOfRange(train, 0, 3072), data.train().image(0));
        assertArrayEquals(test, data.test().image(0));
    }

    @Test
    void readsCifar100PythonWithItsFineLabels() throws Exception {
        byte[] train = pixels(3, 6);
        Files.write(dir.resolve("train"), CifarPickles.numpy2("fine_labels", new int[] {99, 0, 42}, flat(3), train,
                "coarse_labels"));
        Files.write(dir.resolve("test"), CifarPickles.python2("fine_labels", new int[] {57}, flat(1), pixels(1, 7)));
        Files.write(dir.resolve("meta"), new byte[] {0});

        LoadedData data = DataSets.load(dir);
        assertEquals(DataFormat.CIFAR100_PICKLE, data.format());
        assertSame(Normalization.CIFAR100, data.normalization());
        assertEquals(100, data.train().numClasses());
        assertArrayEquals(new int[] {99, 0, 42}, data.train().labels());
        assertArrayEquals(new int[] {57}, data.test().labels());
        assertEquals("CIFAR-100 Python: 3x32x32, 100 classes, 3 train / 1 test images", DataSets.describe(dir).toString());
    }

    private void writeCifar10(byte[] trainBatch) throws Exception {
        Files.write(dir.resolve("data_batch_1"), trainBatch);
        Files.write(dir.resolve("test_batch"), CifarPickles.numpy2("labels", new int[] {1}, flat(1), pixels(1, 8), null));
    }

    @Test
    void truncatedPickle() throws Exception {
        byte[] whole = CifarPickles.numpy2("labels", new int[] {1, 2}, flat(2), pixels(2, 9), null);
        writeCifar10(Arrays.copyOf(whole, whole.length - 100));
        assertContains(failure(dir), "data_batch_1: malformed pickle at byte", "truncated");
    }

    @Test
    void labelOutOfRange() throws Exception {
        writeCifar10(CifarPickles.numpy2("labels", new int[] {1, 10}, flat(2), pixels(2, 10), null));
        assertContains(failure(dir), "data_batch_1: label 10 at record 1 is out of range 0..9");
    }

    @Test
    void fineLabelOutOfRangeInCifar100() throws Exception {
        Files.write(dir.resolve("train"), CifarPickles.numpy2("fine_labels", new int[] {100}, flat(1), pixels(1, 1),
                null));
        Files.write(dir.resolve("test"), CifarPickles.numpy2("fine_labels", new int[] {1}, flat(1), pixels(1, 1), null));
        assertContains(failure(dir), "train: label 100 at record 0 is out of range 0..99");
    }

    @Test
    void wrongShapes() throws Exception {
        writeCifar10(CifarPickles.numpy2("labels", new int[] {1, 2}, new long[] {2, 1024}, new byte[2048], null));
        assertContains(failure(dir), "data_batch_1: 'data' has shape [2, 1024]; a CIFAR batch holds N x 3072");

        writeCifar10(CifarPickles.numpy2("labels", new int[] {1, 2, 3}, flat(2), pixels(2, 1), null));
        assertContains(failure(dir), "data_batch_1: 3 labels for 2 images");

        // a shape that does not match the bytes behind it
        byte[] lying = CifarPickles.numpy2("labels", new int[] {1, 2}, flat(2), pixels(1, 1), null);
        writeCifar10(lying);
        assertContains(failure(dir), "malformed pickle at byte", "shape [2, 3072] holds 3072 bytes, not 6144");
    }

    @Test
    void missingLabelsAndNotADict() throws Exception {
        writeCifar10(CifarPickles.numpy2("fine_labels", new int[] {1}, flat(1), pixels(1, 1), null));
        assertContains(failure(dir), "data_batch_1: no 'labels' entry");

        writeCifar10(new byte[] {(byte) 0x80, 2, ']', '.'});
        assertContains(failure(dir), "data_batch_1: the pickle holds a list, not the dict of a CIFAR batch");
    }

    @Test
    void refusesOsSystemAndRunsNothing() throws Exception {
        Path marker = dir.resolve("pwned");
        ByteArrayOutputStream evil = new ByteArrayOutputStream();
        evil.writeBytes(new byte[] {(byte) 0x80, 2, 'c'});
        evil.writeBytes("os\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        byte[] command = ("touch " + marker).getBytes(StandardCharsets.UTF_8);
        evil.writeBytes(new byte[] {'X', (byte) command.length, 0, 0, 0});
        evil.writeBytes(command);
        evil.writeBytes(new byte[] {(byte) 0x85, 'R', '.'});
        writeCifar10(evil.toByteArray());

        assertContains(failure(dir), "data_batch_1: refused global 'os.system' at byte 2 of the pickle",
                "a pickle is a program");
        assertFalse(Files.exists(marker));
    }

    @Test
    void refusesAStackGlobalOutsideNumpyAndOtherDtypes() throws Exception {
        // protocol 4: STACK_GLOBAL 'posix' 'system', as pickle.dumps writes os.system on Linux
        byte[] posix = HexFormat.of().parseHex("80049500000000000000008c05706f736978948c0673797374656d949394");
        writeCifar10(posix);
        assertContains(failure(dir), "refused global 'posix.system'");

        byte[] int64 = CifarPickles.numpy2("labels", new int[] {1}, new long[] {1, 384}, new byte[3072], null);
        String text = new String(int64, StandardCharsets.ISO_8859_1).replace("\u008c\u0002u1", "\u008c\u0002i8");
        writeCifar10(text.getBytes(StandardCharsets.ISO_8859_1));
        assertContains(failure(dir), "refused a numpy array of dtype 'i8'");

        writeCifar10(new byte[] {(byte) 0x80, 5, 'N', '.'});
        assertContains(failure(dir), "refused pickle protocol 5");
    }

    @Test
    void missingSplits() throws Exception {
        Files.write(dir.resolve("data_batch_1"), CifarPickles.numpy2("labels", new int[] {1}, flat(1), pixels(1, 1), null));
        assertContains(failure(dir), "no test split: expected test_batch");
        Files.delete(dir.resolve("data_batch_1"));
        Files.write(dir.resolve("train"), new byte[] {1});
        assertContains(failure(dir), "no test split: expected CIFAR-100 Python files train and test");
    }

    @Test
    void aParentFolderPointsToItsDataFolder() throws Exception {
        Files.createDirectory(dir.resolve("cifar-10-batches-py"));
        assertContains(failure(dir), "no data set found: the data looks to be in the sub-folder cifar-10-batches-py/");
    }
}
