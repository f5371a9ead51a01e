package org.ringlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder of MNIST-family IDX files: one images/labels pair per split, named
 * {@code <prefix>-images-idx3-ubyte[.gz]} and {@code <prefix>-labels-idx1-ubyte[.gz]} (a dot
 * instead of the last dash, as some copies have, is accepted too). The training prefix contains
 * "train"; the test prefix contains "t10k" or "test". A file present both compressed and
 * uncompressed is read uncompressed.
 */
final class IdxLayout implements DataLayout {

    static final String EXPECTED = "IDX pairs <prefix>-images-idx3-ubyte[.gz] and <prefix>-labels-idx1-ubyte[.gz]"
            + " for a training prefix containing \"train\" and a test prefix \"t10k\" or containing \"test\"";

    private static final Pattern IMAGES = Pattern.compile("(.+)-images[-.]idx3-ubyte(?:\\.gz)?");
    private static final Pattern LABELS = Pattern.compile("(.+)-labels[-.]idx1-ubyte(?:\\.gz)?");

    private record Pair(String prefix, Path images, Path labels) {
    }

    private final FolderListing folder;
    private final Pair train;
    private final Pair test;

    private IdxLayout(FolderListing folder, Pair train, Pair test) {
        this.folder = folder;
        this.train = train;
        this.test = test;
    }

    static boolean isIdxFile(String name) {
        return IMAGES.matcher(name).matches() || LABELS.matcher(name).matches();
    }

    /** Pairs up the folder's IDX files; fails unless there is exactly one training and one test pair. */
    static IdxLayout of(FolderListing folder) throws DataFormatException {
        Map<String, String> images = byPrefix(folder, IMAGES);
        Map<String, String> labels = byPrefix(folder, LABELS);
        List<Pair> trains = new ArrayList<>();
        List<Pair> tests = new ArrayList<>();
        for (String prefix : images.keySet()) {
            if (!labels.containsKey(prefix)) {
                throw folder.problem(images.get(prefix) + " has no labels file (expected " + prefix
                        + "-labels-idx1-ubyte or " + prefix + "-labels-idx1-ubyte.gz)");
            }
        }
        for (String prefix : labels.keySet()) {
            if (!images.containsKey(prefix)) {
                throw folder.problem(labels.get(prefix) + " has no images file (expected " + prefix
                        + "-images-idx3-ubyte or " + prefix + "-images-idx3-ubyte.gz)");
            }
            Pair pair = new Pair(prefix, folder.dir().resolve(images.get(prefix)), folder.dir().resolve(labels.get(prefix)));
            String lower = prefix.toLowerCase(Locale.ROOT);
            boolean isTrain = lower.contains("train");
            boolean isTest = lower.contains("t10k") || lower.contains("test");
            if (isTrain == isTest) {
                throw folder.problem("cannot tell whether prefix \"" + prefix + "\" is the training or the test split"
                        + " (training prefixes contain \"train\", test prefixes contain \"t10k\" or \"test\")");
            }
            (isTrain ? trains : tests).add(pair);
        }
        return new IdxLayout(folder, single(folder, trains, "training", "a prefix containing \"train\""),
                single(folder, tests, "test", "prefix \"t10k\" or one containing \"test\""));
    }

    /** Maps each prefix to its file name, preferring the uncompressed file when both exist. */
    private static Map<String, String> byPrefix(FolderListing folder, Pattern pattern) {
        Map<String, String> byPrefix = new TreeMap<>();
        for (String name : folder.files()) {
            Matcher m = pattern.matcher(name);
            if (m.matches()) {
                byPrefix.merge(m.group(1), name,
                        (kept, added) -> kept.endsWith(".gz") && !added.endsWith(".gz") ? added : kept);
            }
        }
        return byPrefix;
    }

    private static Pair single(FolderListing folder, List<Pair> pairs, String split, String naming)
            throws DataFormatException {
        if (pairs.isEmpty()) {
            throw folder.problem("no " + split + " split: expected an IDX images/labels pair with " + naming);
        }
        if (pairs.size() > 1) {
            throw folder.problem("several " + split + " splits ("
                    + String.join(", ", pairs.stream().map(Pair::prefix).toList()) + "); keep one data set per folder");
        }
        return pairs.get(0);
    }

    @Override
    public DataFormat format() {
        return DataFormat.IDX;
    }

    @Override
    public LoadedData load() throws IOException {
        Checked checked = check();
        return new LoadedData(DataFormat.IDX, split(train, checked.trainLabels(), checked),
                split(test, checked.testLabels(), checked));
    }

    @Override
    public DataSummary describe() throws IOException {
        Checked checked = check();
        return new DataSummary(DataFormat.IDX, 1, checked.shape().rows(), checked.shape().columns(),
                checked.numClasses(), checked.trainLabels().length, checked.testLabels().length);
    }

    /** Everything known after the cheap checks: labels of both splits and the images' header. */
    @SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
    private record Checked(byte[] trainLabels, byte[] testLabels, int numClasses, IdxReader.ImagesHeader shape) {
    }

    /** Reads the labels and both images headers and checks they agree, without decoding pixels. */
    private Checked check() throws IOException {
        byte[] trainLabels = IdxReader.readLabels(train.labels());
        int numClasses = maxLabel(trainLabels) + 1;
        byte[] testLabels = IdxReader.readLabels(test.labels());
        checkLabelRange(test.labels(), testLabels, numClasses);

        IdxReader.ImagesHeader trainHeader = IdxReader.readImagesHeader(train.images());
        checkCount(train, trainHeader, trainLabels.length);
        IdxReader.ImagesHeader testHeader = IdxReader.readImagesHeader(test.images());
        checkCount(test, testHeader, testLabels.length);
        if (testHeader.rows() != trainHeader.rows() || testHeader.columns() != trainHeader.columns()) {
            throw new DataFormatException(test.images().getFileName() + ": images are " + testHeader.rows() + "x"
                    + testHeader.columns() + " but the training images (" + train.images().getFileName() + ") are "
                    + trainHeader.rows() + "x" + trainHeader.columns());
        }
        return new Checked(trainLabels, testLabels, numClasses, trainHeader);
    }

    private static void checkCount(Pair pair, IdxReader.ImagesHeader header, int labelCount)
            throws DataFormatException {
        if (header.count() != labelCount) {
            throw new DataFormatException("images file " + pair.images().getFileName() + " has " + header.count()
                    + " images but labels file " + pair.labels().getFileName() + " has " + labelCount + " labels");
        }
    }

    private ImageDataSet split(Pair pair, byte[] labels, Checked checked) throws IOException {
        IdxReader.Images images = IdxReader.readImages(pair.images());
        IdxReader.ImagesHeader expected =
                new IdxReader.ImagesHeader(labels.length, checked.shape().rows(), checked.shape().columns());
        if (!images.header().equals(expected)) {
            throw new DataFormatException(pair.images().getFileName() + ": changed while being read");
        }
        String description = pair.images().getFileName() + " + " + pair.labels().getFileName() + ": " + labels.length
                + " images, 1x" + expected.rows() + "x" + expected.columns() + ", " + checked.numClasses() + " classes";
        return new ImageDataSet(folder.name() + " " + pair.prefix(), description, 1, expected.rows(),
                expected.columns(), checked.numClasses(), images.pixels(), labels);
    }

    private static int maxLabel(byte[] labels) {
        int max = 0;
        for (byte label : labels) {
            max = Math.max(max, Byte.toUnsignedInt(label));
        }
        return max;
    }

    private static void checkLabelRange(Path file, byte[] labels, int numClasses) throws DataFormatException {
        for (int i = 0; i < labels.length; i++) {
            int label = Byte.toUnsignedInt(labels[i]);
            if (label >= numClasses) {
                throw new DataFormatException("label " + label + " at record " + i + " of " + file.getFileName()
                        + " is out of range 0.." + (numClasses - 1) + " (the training labels use " + numClasses
                        + " classes)");
            }
        }
    }
}
