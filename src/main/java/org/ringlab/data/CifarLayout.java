package org.ringlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.ringlab.io.RegularFile;

/**
 * A folder of CIFAR binary batches. CIFAR-10: {@code data_batch_*.bin} (training, read in name
 * order) and {@code test_batch.bin}, each record one label byte (0..9) followed by 3×32×32 pixel
 * bytes, channel-major (all red, then all green, then all blue). CIFAR-100 ({@code
 * cifar-100-binary}): {@code train.bin} and {@code test.bin}, each record a coarse label byte
 * (0..19, not used) and a fine label byte (0..99) followed by the same pixels.
 */
final class CifarLayout implements DataLayout {

    static final String EXPECTED = "CIFAR-10 binary batches data_batch_1.bin ... data_batch_5.bin and test_batch.bin";
    static final String EXPECTED_100 = "CIFAR-100 binary files train.bin and test.bin (cifar-100-binary)";

    static final int CHANNELS = 3;
    static final int SIDE = 32;
    static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    static final int NUM_CLASSES = 10;
    static final int RECORD_BYTES_100 = 2 + IMAGE_BYTES;

    private static final Pattern TRAIN_BATCH = Pattern.compile("data_batch_.*\\.bin");
    private static final String TEST_BATCH = "test_batch.bin";

    private final FolderListing folder;
    private final DataFormat format;
    private final List<Path> trainBatches;
    private final Path testBatch;
    /** Label bytes before the pixels of each record; the last of them is the label used. */
    private final int labelBytes;
    private final int recordBytes;
    private final int numClasses;

    private CifarLayout(FolderListing folder, DataFormat format, List<Path> trainBatches, Path testBatch) {
        this.folder = folder;
        this.format = format;
        this.trainBatches = trainBatches;
        this.testBatch = testBatch;
        this.labelBytes = format == DataFormat.CIFAR100_BINARY ? 2 : 1;
        this.recordBytes = labelBytes + IMAGE_BYTES;
        this.numClasses = format == DataFormat.CIFAR100_BINARY ? 100 : NUM_CLASSES;
    }

    static boolean isCifar100File(String name) {
        return name.equals("train.bin") || name.equals("test.bin");
    }

    /** Finds {@code train.bin} and {@code test.bin}. */
    static CifarLayout cifar100(FolderListing folder) throws DataFormatException {
        for (String needed : List.of("train.bin", "test.bin")) {
            if (!folder.files().contains(needed)) {
                throw folder.problem("no " + needed.replace(".bin", "") + " split: expected " + EXPECTED_100);
            }
        }
        return new CifarLayout(folder, DataFormat.CIFAR100_BINARY, List.of(folder.dir().resolve("train.bin")),
                folder.dir().resolve("test.bin"));
    }

    static boolean isCifarFile(String name) {
        return TRAIN_BATCH.matcher(name).matches() || name.equals(TEST_BATCH);
    }

    /** Finds the batches; fails unless there is at least one training batch and the test batch. */
    static CifarLayout of(FolderListing folder) throws DataFormatException {
        List<Path> train = folder.files().stream()
                .filter(name -> TRAIN_BATCH.matcher(name).matches())
                .map(folder.dir()::resolve)
                .toList();
        if (train.isEmpty()) {
            throw folder.problem("no training split: expected CIFAR-10 batches data_batch_1.bin ... data_batch_5.bin"
                    + " next to " + TEST_BATCH);
        }
        if (!folder.files().contains(TEST_BATCH)) {
            throw folder.problem("no test split: expected " + TEST_BATCH + " next to the data_batch_*.bin files");
        }
        return new CifarLayout(folder, DataFormat.CIFAR10, train, folder.dir().resolve(TEST_BATCH));
    }

    @Override
    public DataFormat format() {
        return format;
    }

    @Override
    public LoadedData load() throws IOException {
        // sizes first: a malformed test batch fails before 150 MB of training pixels are read
        recordCounts(trainBatches);
        recordCount(testBatch);
        return new LoadedData(format, read(trainBatches, "train"), read(List.of(testBatch), "test"));
    }

    @Override
    public DataSummary describe() throws IOException {
        return new DataSummary(format, CHANNELS, SIDE, SIDE, numClasses,
                Arrays.stream(recordCounts(trainBatches)).sum(), recordCount(testBatch));
    }

    /** The number of records in each batch, checked to fit in one data set together. */
    private int[] recordCounts(List<Path> batches) throws IOException {
        int[] counts = new int[batches.size()];
        long total = 0;
        for (int b = 0; b < counts.length; b++) {
            counts[b] = recordCount(batches.get(b));
            total += counts[b];
        }
        if (total * IMAGE_BYTES > DataLimits.MAX_SPLIT_BYTES) {
            throw new DataFormatException(names(batches) + ": " + total + " images together are "
                    + DataLimits.bytes(total * IMAGE_BYTES) + ", more than the "
                    + DataLimits.bytes(DataLimits.MAX_SPLIT_BYTES) + " RingLab reads for one split");
        }
        return counts;
    }

    /** The number of records in a batch file, from its size alone. */
    private int recordCount(Path batch) throws IOException {
        String problem = RegularFile.problem(batch);
        if (problem != null) {
            throw DataFormatException.inFile(batch, problem);
        }
        long size = Files.size(batch);
        if (size == 0) {
            throw DataFormatException.inFile(batch, "empty file; a " + format.displayName() + " file holds records of "
                    + recordBytes + " bytes (" + labelWords() + " + 3x32x32 pixels)");
        }
        if (size % recordBytes != 0) {
            throw DataFormatException.inFile(batch, "size " + size + " bytes is not a multiple of " + recordBytes
                    + " (" + labelWords() + " + 3x32x32 pixels)");
        }
        if (size / recordBytes * IMAGE_BYTES > DataLimits.MAX_SPLIT_BYTES) {
            throw DataFormatException.inFile(batch, size / recordBytes + " records are more than the "
                    + DataLimits.bytes(DataLimits.MAX_SPLIT_BYTES) + " RingLab reads for one split");
        }
        return (int) (size / recordBytes);
    }

    private String labelWords() {
        return labelBytes == 1 ? "1 label byte" : "coarse and fine label bytes";
    }

    private ImageDataSet read(List<Path> batches, String split) throws IOException {
        int[] counts = recordCounts(batches);
        int count = Arrays.stream(counts).sum();
        byte[] pixels = new byte[count * IMAGE_BYTES];
        byte[] labels = new byte[count];
        byte[] coarse = new byte[1];
        int record = 0;
        for (int b = 0; b < counts.length; b++) {
            Path batch = batches.get(b);
            int end = record + counts[b];
            try (DataFile in = DataFile.open(batch)) {
                for (int i = 0; record < end; record++, i++) {
                    int got = labelBytes == 1 ? 0 : in.read(coarse, 0, 1);
                    if (got + in.read(labels, record, 1) + in.read(pixels, record * IMAGE_BYTES, IMAGE_BYTES) < recordBytes) {
                        throw in.error("truncated at record " + i + " (the file shrank while being read)");
                    }
                    if (labelBytes == 2 && Byte.toUnsignedInt(coarse[0]) >= 20) {
                        throw new DataFormatException("coarse label " + Byte.toUnsignedInt(coarse[0]) + " at record " + i
                                + " of " + batch.getFileName() + " is out of range 0..19");
                    }
                    if (Byte.toUnsignedInt(labels[record]) >= numClasses) {
                        throw new DataFormatException((labelBytes == 2 ? "fine label " : "label ")
                                + Byte.toUnsignedInt(labels[record]) + " at record " + i
                                + " of " + batch.getFileName() + " is out of range 0.." + (numClasses - 1));
                    }
                }
            }
        }
        String description = names(batches) + ": " + count + " images, 3x32x32, " + numClasses + " classes";
        return new ImageDataSet(folder.name() + " " + split, description, CHANNELS, SIDE, SIDE, numClasses,
                pixels, labels);
    }

    private static String names(List<Path> batches) {
        return String.join(", ", batches.stream().map(batch -> batch.getFileName().toString()).toList());
    }
}
