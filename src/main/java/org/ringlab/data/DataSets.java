package org.ringlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point: recognises the format of a data folder and reads it. Recognised formats:
 *
 * <ul>
 *   <li>{@link DataFormat#IDX}: {@code <prefix>-images-idx3-ubyte[.gz]} and {@code
 *       <prefix>-labels-idx1-ubyte[.gz]} for a training prefix containing "train" and a test
 *       prefix "t10k" or containing "test" (MNIST, Fashion-MNIST, KMNIST, EMNIST, ...); any
 *       image size; the number of classes is the largest training label + 1;
 *   <li>{@link DataFormat#CIFAR10}: {@code data_batch_*.bin} and {@code test_batch.bin};
 *   <li>{@link DataFormat#CIFAR10_PICKLE}: {@code data_batch_1} ... and {@code test_batch}, the
 *       pickles of {@code cifar-10-batches-py};
 *   <li>{@link DataFormat#CIFAR100_PICKLE}: {@code train} and {@code test}, the pickles of {@code
 *       cifar-100-python} (fine labels, 100 classes);
 *   <li>{@link DataFormat#CIFAR100_BINARY}: {@code train.bin} and {@code test.bin} of {@code
 *       cifar-100-binary} (fine labels);
 *   <li>{@link DataFormat#IMAGE_FOLDER}: no such files, but class folders of PNG/JPEG images
 *       ({@link ImageFolderLayout}), resized to the image size asked for.
 * </ul>
 *
 * Every problem, from a missing folder to a wrong byte count, is a {@link DataFormatException}
 * naming the file or folder; record numbers in messages count from 0.
 */
public final class DataSets {

    static final String EXPECTED = "either " + IdxLayout.EXPECTED + ", or " + CifarLayout.EXPECTED + ", or "
            + CifarPickleLayout.EXPECTED_10 + ", or " + CifarPickleLayout.EXPECTED_100 + ", or "
            + CifarLayout.EXPECTED_100 + ", or " + ImageFolderLayout.EXPECTED;

    /** The side, in pixels, images of an image folder are resized to unless asked otherwise. */
    public static final int DEFAULT_IMAGE_SIZE = 32;

    /** The folders torchvision and the CIFAR site unpack into: a folder holding one is the parent, not the data. */
    private static final List<String> KNOWN_SUBFOLDERS =
            List.of("cifar-10-batches-py", "cifar-10-batches-bin", "cifar-100-python", "cifar-100-binary");

    private DataSets() {
    }

    /** Reads and checks the training and test splits in {@code dir}. */
    public static LoadedData load(Path dir) throws IOException {
        return load(dir, DEFAULT_IMAGE_SIZE);
    }

    /**
     * Reads and checks the training and test splits in {@code dir}.
     *
     * @param imageSize the side images of an image folder are resized to, 1..{@link
     *     DataLimits#MAX_IMAGE_SIDE}; the other formats have a fixed size and ignore it
     */
    public static LoadedData load(Path dir, int imageSize) throws IOException {
        return layout(dir, imageSize).load();
    }

    /**
     * Describes the data in {@code dir} without decoding the pixels: reads image headers and label
     * files (IDX) or file sizes (CIFAR-10). Raw IDX files are checked for their exact length;
     * the length of gzip-compressed images is only checked by {@link #load}.
     */
    public static DataSummary describe(Path dir) throws IOException {
        return describe(dir, DEFAULT_IMAGE_SIZE);
    }

    /**
     * Like {@link #describe(Path)}, for images of an image folder resized to {@code imageSize}. A
     * CIFAR Python pickle has no header, so its files are read whole (but their pixels not copied);
     * an image folder's image headers are all read (not their pixels).
     */
    public static DataSummary describe(Path dir, int imageSize) throws IOException {
        return layout(dir, imageSize).describe();
    }

    /** Recognises the format of {@code dir} from its file and folder names, reading no file. */
    public static DataFormat detectFormat(Path dir) throws IOException {
        return layout(dir, DEFAULT_IMAGE_SIZE).format();
    }

    private static DataLayout layout(Path dir, int imageSize) throws IOException {
        FolderListing folder = FolderListing.of(dir, EXPECTED);
        Map<DataFormat, Boolean> found = new EnumMap<>(DataFormat.class);
        found.put(DataFormat.IDX, folder.files().stream().anyMatch(IdxLayout::isIdxFile));
        found.put(DataFormat.CIFAR10, folder.files().stream().anyMatch(CifarLayout::isCifarFile));
        found.put(DataFormat.CIFAR10_PICKLE, folder.files().stream().anyMatch(CifarPickleLayout::isCifar10File));
        found.put(DataFormat.CIFAR100_PICKLE, folder.files().stream().anyMatch(CifarPickleLayout::isCifar100File));
        found.put(DataFormat.CIFAR100_BINARY, folder.files().stream().anyMatch(CifarLayout::isCifar100File));
        List<String> formats = found.entrySet().stream().filter(Map.Entry::getValue)
                .map(e -> e.getKey().displayName()).toList();
        if (formats.size() > 1) {
            throw folder.problem("files of " + String.join(" and ", formats) + "; keep one data set per folder");
        }
        if (found.get(DataFormat.IDX)) {
            return IdxLayout.of(folder);
        }
        if (found.get(DataFormat.CIFAR10)) {
            return CifarLayout.of(folder);
        }
        if (found.get(DataFormat.CIFAR10_PICKLE)) {
            return CifarPickleLayout.cifar10(folder);
        }
        if (found.get(DataFormat.CIFAR100_PICKLE)) {
            return CifarPickleLayout.cifar100(folder);
        }
        if (found.get(DataFormat.CIFAR100_BINARY)) {
            return CifarLayout.cifar100(folder);
        }
        for (String known : KNOWN_SUBFOLDERS) {
            if (folder.folders().contains(known)) {
                throw folder.problem("no data set found: the data looks to be in the sub-folder " + known
                        + "/; give that folder instead");
            }
        }
        if (!folder.folders().isEmpty()) {
            return ImageFolderLayout.of(folder, imageSize);
        }
        throw folder.problem("no data set found: expected " + EXPECTED);
    }
}
