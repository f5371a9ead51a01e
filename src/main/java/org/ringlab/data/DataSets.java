package org.ringlab.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point: recognises the format of a data folder and reads it. Recognised formats:
 *
 * <ul>
 *   <li>{@link DataFormat#IDX}: {@code <prefix>-images-idx3-ubyte[.gz]} and {@code
 *       <prefix>-labels-idx1-ubyte[.gz]} for a training prefix containing "train" and a test
 *       prefix "t10k" or containing "test" (MNIST, Fashion-MNIST, KMNIST, EMNIST, ...); any
 *       image size; the number of classes is the largest training label + 1;
 *   <li>{@link DataFormat#CIFAR10}: {@code data_batch_*.bin} and {@code test_batch.bin}.
 * </ul>
 *
 * Every problem, from a missing folder to a wrong byte count, is a {@link DataFormatException}
 * naming the file or folder; record numbers in messages count from 0.
 */
public final class DataSets {

    static final String EXPECTED = "either " + IdxLayout.EXPECTED + ", or " + CifarLayout.EXPECTED;

    private DataSets() {
    }

    /** Reads and checks the training and test splits in {@code dir}. */
    public static LoadedData load(Path dir) throws IOException {
        return layout(dir).load();
    }

    /**
     * Describes the data in {@code dir} without decoding the pixels: reads image headers and label
     * files (IDX) or file sizes (CIFAR-10). Raw IDX files are checked for their exact length;
     * the length of gzip-compressed images is only checked by {@link #load}.
     */
    public static DataSummary describe(Path dir) throws IOException {
        return layout(dir).describe();
    }

    /** Recognises the format of {@code dir} from its file names, reading no file. */
    public static DataFormat detectFormat(Path dir) throws IOException {
        return layout(dir).format();
    }

    private static DataLayout layout(Path dir) throws IOException {
        FolderListing folder = FolderListing.of(dir, EXPECTED);
        boolean idx = folder.files().stream().anyMatch(IdxLayout::isIdxFile);
        boolean cifar = folder.files().stream().anyMatch(CifarLayout::isCifarFile);
        if (idx && cifar) {
            throw folder.problem("both IDX and CIFAR-10 files; keep one data set per folder");
        }
        if (idx) {
            return IdxLayout.of(folder);
        }
        if (cifar) {
            return CifarLayout.of(folder);
        }
        throw folder.problem("no data set found: expected " + EXPECTED);
    }
}
