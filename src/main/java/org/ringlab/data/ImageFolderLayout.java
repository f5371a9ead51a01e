package org.ringlab.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A folder of images per class, torchvision's ImageFolder layout, in one of two forms:
 *
 * <ul>
 *   <li>{@code root/train/<class>/*.png|jpg|jpeg} and {@code root/test/<class>/...} ({@code val}
 *       is taken when there is no {@code test}); classes are the training split's sub-folders in
 *       name order, and every test class must be one of them;
 *   <li>{@code root/<class>/...}: a deterministic held-out split, every fifth image of each class
 *       in file-name order (the 5th, 10th, ...) is a test image, the rest are training images.
 * </ul>
 *
 * Other files and deeper folders are ignored, as torchvision ignores files of other types. Images
 * are decoded by {@link ImageFiles} and resized to {@code size}x{@code size}; the data set has the
 * channel count most images have (1 for greyscale, 3 for colour) and the others are converted.
 * The normalisation is the per-channel mean and standard deviation of the training split.
 */
final class ImageFolderLayout implements DataLayout {

    static final String EXPECTED = "an image folder: train/<class>/*.png|jpg and test/<class>/..., or <class>/*.png|jpg"
            + " (every fifth image of a class held out for testing)";
    /** In the one-folder form, image i of a class (counting from 0, in name order) is a test image when i % 5 == 4. */
    static final int HELD_OUT_EVERY = 5;

    private final Path root;
    private final String name;
    private final int size;
    private final List<String> classes;
    private final List<Path> trainFiles = new ArrayList<>();
    private final List<Integer> trainLabels = new ArrayList<>();
    private final List<Path> testFiles = new ArrayList<>();
    private final List<Integer> testLabels = new ArrayList<>();

    private ImageFolderLayout(Path root, String name, int size, List<String> classes) {
        this.root = root;
        this.name = name;
        this.size = size;
        this.classes = classes;
    }

    static boolean isImageFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"));
    }

    /** Lists the class folders and their images; reads no image. */
    static ImageFolderLayout of(FolderListing folder, int size) throws IOException {
        if (size < 1 || size > DataLimits.MAX_IMAGE_SIDE) {
            throw new DataFormatException(folder.dir() + ": image size " + size + " is outside 1.."
                    + DataLimits.MAX_IMAGE_SIDE);
        }
        List<String> sub = folder.folders();
        String testName = sub.contains("test") ? "test" : sub.contains("val") ? "val" : null;
        if (sub.contains("train") && testName != null) {
            Path trainDir = folder.dir().resolve("train");
            Path testDir = folder.dir().resolve(testName);
            List<String> classes = FolderListing.of(trainDir, EXPECTED).folders();
            checkClasses(trainDir, classes);
            ImageFolderLayout layout = new ImageFolderLayout(folder.dir(), folder.name(), size, classes);
            int[] listed = {0};
            for (int c = 0; c < classes.size(); c++) {
                for (Path image : images(trainDir.resolve(classes.get(c)), listed)) {
                    layout.trainFiles.add(image);
                    layout.trainLabels.add(c);
                }
            }
            for (String testClass : FolderListing.of(testDir, EXPECTED).folders()) {
                int c = classes.indexOf(testClass);
                if (c < 0) {
                    throw new DataFormatException(testDir.resolve(testClass) + ": class '" + testClass
                            + "' has no folder in " + trainDir + "; test classes must be training classes");
                }
                for (Path image : images(testDir.resolve(testClass), listed)) {
                    layout.testFiles.add(image);
                    layout.testLabels.add(c);
                }
            }
            return layout.checked(folder);
        }
        checkClasses(folder.dir(), sub);
        ImageFolderLayout layout = new ImageFolderLayout(folder.dir(), folder.name(), size, sub);
        int[] listed = {0};
        for (int c = 0; c < sub.size(); c++) {
            List<Path> images = images(folder.dir().resolve(sub.get(c)), listed);
            for (int i = 0; i < images.size(); i++) {
                boolean test = i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1;
                (test ? layout.testFiles : layout.trainFiles).add(images.get(i));
                (test ? layout.testLabels : layout.trainLabels).add(c);
            }
        }
        return layout.checked(folder);
    }

    private static void checkClasses(Path dir, List<String> classes) throws DataFormatException {
        if (classes.isEmpty()) {
            throw new DataFormatException(dir + ": no class folders; expected " + EXPECTED);
        }
        if (classes.size() > 256) {
            throw new DataFormatException(dir + ": " + classes.size() + " class folders; RingLab reads at most 256 classes");
        }
    }

    private ImageFolderLayout checked(FolderListing folder) throws DataFormatException {
        if (trainFiles.isEmpty()) {
            throw folder.problem("no training images (.png, .jpg, .jpeg) in the class folders");
        }
        if (testFiles.isEmpty()) {
            throw folder.problem("no test images: a test/ (or val/) folder of classes is needed, or in the one-folder"
                    + " form a class with at least " + HELD_OUT_EVERY + " images (every fifth is held out)");
        }
        long most = (long) Math.max(trainFiles.size(), testFiles.size()) * 3 * size * size;
        if (most > DataLimits.MAX_SPLIT_BYTES) {
            throw new DataFormatException(root + ": " + Math.max(trainFiles.size(), testFiles.size()) + " images of "
                    + size + "x" + size + " are " + DataLimits.bytes(most) + ", more than the "
                    + DataLimits.bytes(DataLimits.MAX_SPLIT_BYTES) + " RingLab reads for one split");
        }
        return this;
    }

    /** The image files of one class folder in name order; {@code listed} counts files across folders. */
    private static List<Path> images(Path classDir, int[] listed) throws IOException {
        List<Path> images = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(classDir)) {
            for (Path entry : entries) {
                if (++listed[0] > DataLimits.MAX_IMAGE_FILES) {
                    throw new DataFormatException(classDir + ": more than " + DataLimits.MAX_IMAGE_FILES
                            + " files in the image folder; RingLab reads at most that many");
                }
                if (isImageFile(entry.getFileName().toString()) && !Files.isDirectory(entry)) {
                    images.add(entry);
                }
            }
        }
        images.sort(null);
        return images;
    }

    @Override
    public DataFormat format() {
        return DataFormat.IMAGE_FOLDER;
    }

    @Override
    public LoadedData load() throws IOException {
        int channels = channels();
        ImageDataSet train = read(trainFiles, trainLabels, channels, "train");
        ImageDataSet test = read(testFiles, testLabels, channels, "test");
        return new LoadedData(DataFormat.IMAGE_FOLDER, train, test, statistics(train));
    }

    @Override
    public DataSummary describe() throws IOException {
        return new DataSummary(DataFormat.IMAGE_FOLDER, channels(), size, size, classes.size(), trainFiles.size(),
                testFiles.size());
    }

    /** The channel count most images have, from their headers: every file's header is checked here. */
    private int channels() throws IOException {
        int grey = 0;
        int colour = 0;
        for (List<Path> files : List.of(trainFiles, testFiles)) {
            for (Path file : files) {
                if (ImageFiles.header(file).channels() == 1) {
                    grey++;
                } else {
                    colour++;
                }
            }
        }
        return grey > colour ? 1 : 3;
    }

    private ImageDataSet read(List<Path> files, List<Integer> labels, int channels, String split) throws IOException {
        int imageBytes = channels * size * size;
        byte[] pixels = new byte[files.size() * imageBytes];
        byte[] labelBytes = new byte[files.size()];
        for (int i = 0; i < files.size(); i++) {
            ImageFiles.read(files.get(i), channels, size, pixels, i * imageBytes);
            labelBytes[i] = (byte) (int) labels.get(i);
        }
        String description = root + ": " + files.size() + " " + split + " images, "
                + channels + "x" + size + "x" + size + ", " + classes.size() + " classes";
        return new ImageDataSet(name + " " + split, description, channels, size, size, classes.size(), pixels,
                labelBytes);
    }

    /** The per-channel mean and standard deviation of the pixels scaled to [0, 1]. */
    static Normalization statistics(ImageDataSet train) {
        int channels = train.channels();
        int plane = train.height() * train.width();
        double[] sum = new double[channels];
        double[] squares = new double[channels];
        byte[] pixels = train.rawPixels();
        for (int at = 0; at < pixels.length; at++) {
            int c = at / plane % channels;
            double v = Byte.toUnsignedInt(pixels[at]) / 255.0;
            sum[c] += v;
            squares[c] += v * v;
        }
        long n = (long) train.count() * plane;
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / n;
            double sd = Math.sqrt(Math.max(0, squares[c] / n - m * m));
            mean[c] = (float) m;
            // a channel without any variation (all images one colour) is only centred, not scaled
            std[c] = sd > 1e-6 ? (float) sd : 1f;
        }
        return Normalization.of(mean, std);
    }
}
