package org.ringlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.ringlab.io.RegularFile;

/**
 * A folder of CIFAR-10 binary batches: {@code data_batch_*.bin} (training, read in name order)
 * and {@code test_batch.bin}. Each record is one label byte (0..9) followed by 3×32×32 pixel
 * bytes, channel-major (all red, then all green, then all blue).
 */
final class CifarLayout implements DataLayout {

    static final String EXPECTED = "CIFAR-10 binary batches data_batch_1.bin ... data_batch_5.bin and test_batch.bin";

    static final int CHANNELS = 3;
    static final int SIDE = 32;
    static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    static final int NUM_CLASSES = 10;

    private static final Pattern TRAIN_BATCH = Pattern.compile("data_batch_.*\\.bin");
    private static final String TEST_BATCH = "test_batch.bin";

    private final FolderListing folder;
    private final List<Path> trainBatches;
    private final Path testBatch;

    private CifarLayout(FolderListing folder, List<Path> trainBatches, Path testBatch) {
        this.folder = folder;
        this.trainBatches = trainBatches;
        this.testBatch = testBatch;
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
        return new CifarLayout(folder, train, folder.dir().resolve(TEST_BATCH));
    }

    @Override
    public DataFormat format() {
        return DataFormat.CIFAR10;
    }

    @Override
    public LoadedData load() throws IOException {
        // sizes first: a malformed test batch fails before 150 MB of training pixels are read
        recordCounts(trainBatches);
        recordCount(testBatch);
        return new LoadedData(DataFormat.CIFAR10, read(trainBatches, "train"), read(List.of(testBatch), "test"));
    }

    @Override
    public DataSummary describe() throws IOException {
        return new DataSummary(DataFormat.CIFAR10, CHANNELS, SIDE, SIDE, NUM_CLASSES,
                Arrays.stream(recordCounts(trainBatches)).sum(), recordCount(testBatch));
    }

    /** The number of records in each batch, checked to fit in one data set together. */
    private static int[] recordCounts(List<Path> batches) throws IOException {
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
    private static int recordCount(Path batch) throws IOException {
        String problem = RegularFile.problem(batch);
        if (problem != null) {
            throw DataFormatException.inFile(batch, problem);
        }
        long size = Files.size(batch);
        if (size == 0) {
            throw DataFormatException.inFile(batch, "empty file; a CIFAR-10 batch holds records of " + RECORD_BYTES
                    + " bytes (1 label byte + 3x32x32 pixels)");
        }
        if (size % RECORD_BYTES != 0) {
            throw DataFormatException.inFile(batch, "size " + size + " bytes is not a multiple of " + RECORD_BYTES
                    + " (1 label byte + 3x32x32 pixels)");
        }
        if (size / RECORD_BYTES * IMAGE_BYTES > DataLimits.MAX_SPLIT_BYTES) {
            throw DataFormatException.inFile(batch, size / RECORD_BYTES + " records are more than the "
                    + DataLimits.bytes(DataLimits.MAX_SPLIT_BYTES) + " RingLab reads for one split");
        }
        return (int) (size / RECORD_BYTES);
    }

    private ImageDataSet read(List<Path> batches, String split) throws IOException {
        int[] counts = recordCounts(batches);
        int count = Arrays.stream(counts).sum();
        byte[] pixels = new byte[count * IMAGE_BYTES];
        byte[] labels = new byte[count];
        int record = 0;
        for (int b = 0; b < counts.length; b++) {
            Path batch = batches.get(b);
            int end = record + counts[b];
            try (DataFile in = DataFile.open(batch)) {
                for (int i = 0; record < end; record++, i++) {
                    if (in.read(labels, record, 1) + in.read(pixels, record * IMAGE_BYTES, IMAGE_BYTES) < RECORD_BYTES) {
                        throw in.error("truncated at record " + i + " (the file shrank while being read)");
                    }
                    if (Byte.toUnsignedInt(labels[record]) >= NUM_CLASSES) {
                        throw new DataFormatException("label " + Byte.toUnsignedInt(labels[record]) + " at record " + i
                                + " of " + batch.getFileName() + " is out of range 0.." + (NUM_CLASSES - 1));
                    }
                }
            }
        }
        String description = names(batches) + ": " + count + " images, 3x32x32, 10 classes";
        return new ImageDataSet(folder.name() + " " + split, description, CHANNELS, SIDE, SIDE, NUM_CLASSES,
                pixels, labels);
    }

    private static String names(List<Path> batches) {
        return String.join(", ", batches.stream().map(batch -> batch.getFileName().toString()).toList());
    }
}
