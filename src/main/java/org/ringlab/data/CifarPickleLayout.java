package org.ringlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ringlab.io.Printable;
import org.ringlab.io.RegularFile;
import org.ringlab.pickle.PickleBytes;
import org.ringlab.pickle.PickleException;
import org.ringlab.pickle.PickleReader;

/**
 * CIFAR-10 and CIFAR-100 as torchvision downloads them: Python pickles of a dict holding {@code
 * data}, a uint8 NumPy array of N x 3072 (3x32x32, channel-major, as in the binary batches) and a
 * list of labels ({@code labels} for CIFAR-10, {@code fine_labels} for CIFAR-100, whose 100 fine
 * classes are used). CIFAR-10: {@code data_batch_1} ... {@code data_batch_5} and {@code
 * test_batch} ({@code cifar-10-batches-py}); CIFAR-100: {@code train} and {@code test} ({@code
 * cifar-100-python}). The {@code meta} files (class names) are not read. Keys may be Python 2 or 3
 * strings or bytes. The pickles are interpreted by {@link PickleReader} under {@link
 * NumpyPickleRules}: nothing in them runs.
 */
final class CifarPickleLayout implements DataLayout {

    static final String EXPECTED_10 = "CIFAR-10 Python batches data_batch_1 ... data_batch_5 and test_batch"
            + " (cifar-10-batches-py)";
    static final String EXPECTED_100 = "CIFAR-100 Python files train and test (cifar-100-python)";

    private static final Pattern TRAIN_BATCH_10 = Pattern.compile("data_batch_[0-9]+");
    private static final String TEST_BATCH_10 = "test_batch";

    private final FolderListing folder;
    private final DataFormat format;
    private final List<Path> trainFiles;
    private final Path testFile;

    private CifarPickleLayout(FolderListing folder, DataFormat format, List<Path> trainFiles, Path testFile) {
        this.folder = folder;
        this.format = format;
        this.trainFiles = trainFiles;
        this.testFile = testFile;
    }

    static boolean isCifar10File(String name) {
        return TRAIN_BATCH_10.matcher(name).matches() || name.equals(TEST_BATCH_10);
    }

    static boolean isCifar100File(String name) {
        return name.equals("train") || name.equals("test");
    }

    static CifarPickleLayout cifar10(FolderListing folder) throws DataFormatException {
        List<Path> train = folder.files().stream()
                .filter(name -> TRAIN_BATCH_10.matcher(name).matches())
                .map(folder.dir()::resolve)
                .toList();
        if (train.isEmpty()) {
            throw folder.problem("no training split: expected CIFAR-10 Python batches data_batch_1 ... data_batch_5"
                    + " next to " + TEST_BATCH_10);
        }
        if (!folder.files().contains(TEST_BATCH_10)) {
            throw folder.problem("no test split: expected " + TEST_BATCH_10 + " next to the data_batch_* files");
        }
        return new CifarPickleLayout(folder, DataFormat.CIFAR10_PICKLE, train, folder.dir().resolve(TEST_BATCH_10));
    }

    static CifarPickleLayout cifar100(FolderListing folder) throws DataFormatException {
        for (String needed : List.of("train", "test")) {
            if (!folder.files().contains(needed)) {
                throw folder.problem("no " + needed + " split: expected " + EXPECTED_100);
            }
        }
        return new CifarPickleLayout(folder, DataFormat.CIFAR100_PICKLE, List.of(folder.dir().resolve("train")),
                folder.dir().resolve("test"));
    }

    @Override
    public DataFormat format() {
        return format;
    }

    @Override
    public LoadedData load() throws IOException {
        // the test split first: a malformed test file fails before the large training files are read
        ImageDataSet test = read(List.of(testFile), "test");
        return new LoadedData(format, read(trainFiles, "train"), test);
    }

    @Override
    public DataSummary describe() throws IOException {
        // the pickles have no header: each is interpreted, but its pixels are not copied
        int test = readBatch(testFile).count();
        long train = 0;
        for (Path file : trainFiles) {
            train += readBatch(file).count();
        }
        if (train * CifarLayout.IMAGE_BYTES > DataLimits.MAX_SPLIT_BYTES) {
            throw new DataFormatException(folder.dir() + ": the train split holds more than the "
                    + DataLimits.bytes(DataLimits.MAX_SPLIT_BYTES) + " of images RingLab reads for one split");
        }
        return new DataSummary(format, CifarLayout.CHANNELS, CifarLayout.SIDE, CifarLayout.SIDE, numClasses(),
                (int) train, test);
    }

    private int numClasses() {
        return format == DataFormat.CIFAR10_PICKLE ? 10 : 100;
    }

    private String labelKey() {
        return format == DataFormat.CIFAR10_PICKLE ? "labels" : "fine_labels";
    }

    /** One file's images (a view into its bytes) and labels. */
    @SuppressWarnings("ArrayRecordComponent") // the labels are held as read, not copied; nothing compares a batch
    private record Batch(int count, PickleBytes pixels, byte[] labels) {
    }

    private ImageDataSet read(List<Path> files, String split) throws IOException {
        List<Batch> batches = new ArrayList<>();
        long total = 0;
        for (Path file : files) {
            Batch batch = readBatch(file);
            batches.add(batch);
            total += batch.count();
            if (total * CifarLayout.IMAGE_BYTES > DataLimits.MAX_SPLIT_BYTES) {
                throw new DataFormatException(folder.dir() + ": the " + split + " split holds more than the "
                        + DataLimits.bytes(DataLimits.MAX_SPLIT_BYTES) + " of images RingLab reads for one split");
            }
        }
        byte[] pixels = new byte[(int) total * CifarLayout.IMAGE_BYTES];
        byte[] labels = new byte[(int) total];
        int at = 0;
        for (Batch batch : batches) {
            batch.pixels().copyTo(pixels, at * CifarLayout.IMAGE_BYTES);
            System.arraycopy(batch.labels(), 0, labels, at, batch.count());
            at += batch.count();
        }
        String names = String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
        String description = names + ": " + total + " images, 3x32x32, " + numClasses() + " classes";
        return new ImageDataSet(folder.name() + " " + split, description, CifarLayout.CHANNELS, CifarLayout.SIDE,
                CifarLayout.SIDE, numClasses(), pixels, labels);
    }

    private Batch readBatch(Path file) throws IOException {
        String problem = RegularFile.problem(file);
        if (problem != null) {
            throw DataFormatException.inFile(file, problem);
        }
        long size = Files.size(file);
        if (size == 0) {
            throw DataFormatException.inFile(file, "empty file; expected a pickled CIFAR batch");
        }
        if (size > DataLimits.MAX_SPLIT_BYTES) {
            throw DataFormatException.inFile(file, "size " + DataLimits.bytes(size) + " is more than the "
                    + DataLimits.bytes(DataLimits.MAX_SPLIT_BYTES) + " RingLab reads from one file");
        }
        NumpyPickleRules rules = new NumpyPickleRules();
        Object root;
        try {
            root = PickleReader.read(Files.readAllBytes(file), rules);
        } catch (PickleException e) {
            throw DataFormatException.inFile(file, Printable.shown(e.isRefused()
                    ? "refused " + e.detail() + " at byte " + e.offset() + " of the pickle: " + NumpyPickleRules.WHY
                    : "malformed pickle at byte " + e.offset() + ": " + e.detail(), 1_000));
        }
        if (!(root instanceof Map<?, ?> dict)) {
            throw DataFormatException.inFile(file, "the pickle holds " + PickleReader.describe(root, rules)
                    + ", not the dict of a CIFAR batch");
        }
        Object data = get(dict, "data");
        if (!(data instanceof NumpyPickleRules.NumpyArray array) || array.shape() == null) {
            throw DataFormatException.inFile(file, data == null ? "no 'data' entry: not a CIFAR batch"
                    : "'data' is " + PickleReader.describe(data, rules) + ", not a uint8 numpy array");
        }
        long[] shape = array.shape();
        long count = shape.length == 0 ? 0 : shape[0];
        long perImage = 1;
        for (int i = 1; i < shape.length; i++) {
            perImage *= shape[i];
        }
        boolean flat = shape.length == 2 && shape[1] == CifarLayout.IMAGE_BYTES;
        boolean square = shape.length == 4 && shape[1] == 3 && shape[2] == 32 && shape[3] == 32;
        if (!(flat || square) || count == 0 || perImage != CifarLayout.IMAGE_BYTES) {
            throw DataFormatException.inFile(file, "'data' has shape " + java.util.Arrays.toString(shape)
                    + "; a CIFAR batch holds N x 3072 pixels (N images of 3x32x32, N at least 1)");
        }
        Object labelList = get(dict, labelKey());
        if (!(labelList instanceof List<?> list)) {
            throw DataFormatException.inFile(file, labelList == null ? "no '" + labelKey() + "' entry"
                    : "'" + labelKey() + "' is " + PickleReader.describe(labelList, rules) + ", not a list");
        }
        if (list.size() != count) {
            throw DataFormatException.inFile(file, list.size() + " labels for " + count + " images");
        }
        byte[] labels = new byte[(int) count];
        for (int i = 0; i < labels.length; i++) {
            if (!(list.get(i) instanceof Long label) || label < 0 || label >= numClasses()) {
                throw DataFormatException.inFile(file, "label " + (list.get(i) instanceof Long l ? l.toString()
                        : PickleReader.describe(list.get(i), rules))
                        + " at record " + i + " is out of range 0.." + (numClasses() - 1));
            }
            labels[i] = (byte) (long) label;
        }
        return new Batch((int) count, array.data(), labels);
    }

    /** The entry under {@code key} written as a Python 3 string or as bytes (Python 2 strings). */
    private static Object get(Map<?, ?> dict, String key) {
        Object value = dict.get(key);
        return value != null ? value : dict.get(PickleBytes.of(key.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
