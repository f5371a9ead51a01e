package org.ringlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable set of labelled images, all of the same shape. Pixels are kept as raw unsigned
 * bytes (one byte per channel value, channel-major within each image: C×H×W) to keep memory
 * small; {@link BatchSampler} normalises them into floats batch by batch.
 */
public final class ImageDataSet {

    private final String name;
    private final String description;
    private final int count;
    private final int channels;
    private final int height;
    private final int width;
    private final int numClasses;
    private final byte[] pixels;
    private final byte[] labels;

    /** Takes ownership of {@code pixels} and {@code labels} (unsigned bytes); nobody else may keep them. */
    ImageDataSet(String name, String description, int channels, int height, int width, int numClasses,
            byte[] pixels, byte[] labels) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        // labels are stored as unsigned bytes
        if (numClasses < 1 || numClasses > 256) {
            throw new IllegalArgumentException("numClasses must be 1..256, got " + numClasses);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("a data set needs at least one image");
        }
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixel bytes do not hold " + labels.length
                    + " images of " + channels + "x" + height + "x" + width);
        }
        for (int i = 0; i < labels.length; i++) {
            if (Byte.toUnsignedInt(labels[i]) >= numClasses) {
                throw new IllegalArgumentException("label " + Byte.toUnsignedInt(labels[i]) + " of image " + i
                        + " is out of range 0.." + (numClasses - 1));
            }
        }
        this.count = labels.length;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.numClasses = numClasses;
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * Builds a data set from copies of the given arrays.
     *
     * @param pixels raw unsigned pixel bytes, {@code labels.length} images of C×H×W each
     * @param labels one label per image, each in {@code 0..numClasses-1}
     * @param numClasses 1..256
     */
    public static ImageDataSet of(String name, String description, int channels, int height, int width,
            int numClasses, byte[] pixels, int[] labels) {
        byte[] labelBytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i
                        + " is out of range 0.." + (numClasses - 1));
            }
            labelBytes[i] = (byte) labels[i];
        }
        return new ImageDataSet(name, description, channels, height, width, numClasses, pixels.clone(), labelBytes);
    }

    /** @return a short name, e.g. "mnist train" */
    public String name() {
        return name;
    }

    /** @return where the data came from and its shape, for logs and the UI */
    public String description() {
        return description;
    }

    /** @return the number of images */
    public int count() {
        return count;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** @return the number of classes; every label lies in {@code 0..numClasses-1} */
    public int numClasses() {
        return numClasses;
    }

    /** @return bytes per image, C×H×W */
    public int imageSize() {
        return channels * height * width;
    }

    /** @return the label of image {@code index} */
    public int label(int index) {
        return Byte.toUnsignedInt(labels[Objects.checkIndex(index, count)]);
    }

    /** @return a fresh copy of all labels */
    public int[] labels() {
        int[] copy = new int[count];
        for (int i = 0; i < count; i++) {
            copy[i] = Byte.toUnsignedInt(labels[i]);
        }
        return copy;
    }

    /** @return the raw value (0..255) of one pixel */
    public int pixel(int index, int channel, int y, int x) {
        Objects.checkIndex(index, count);
        Objects.checkIndex(channel, channels);
        Objects.checkIndex(y, height);
        Objects.checkIndex(x, width);
        return Byte.toUnsignedInt(pixels[index * imageSize() + (channel * height + y) * width + x]);
    }

    /** @return a fresh copy of image {@code index} as raw unsigned bytes, C×H×W */
    public byte[] image(int index) {
        int size = imageSize();
        return Arrays.copyOfRange(pixels, Objects.checkIndex(index, count) * size, (index + 1) * size);
    }

    /** @return how many images each class has, indexed by label */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (byte label : labels) {
            counts[Byte.toUnsignedInt(label)]++;
        }
        return counts;
    }

    /** The backing pixel array, for {@link BatchSampler}; must not be modified. */
    byte[] rawPixels() {
        return pixels;
    }

    /** The backing label array (unsigned bytes), for {@link BatchSampler}; must not be modified. */
    byte[] rawLabels() {
        return labels;
    }

    /**
     * A class-balanced random subset for quick runs: classes take turns giving one randomly chosen
     * image each until {@code n} are taken, so class sizes differ by at most one unless a class runs
     * out of images. Images keep their original relative order. Same seed, same subset.
     *
     * @param n 1..{@link #count()}
     */
    public ImageDataSet subset(int n, long seed) {
        if (n < 1 || n > count) {
            throw new IllegalArgumentException("subset size must be 1.." + count + ", got " + n);
        }
        SplitMix64 random = new SplitMix64(seed);
        List<int[]> byClass = shuffledIndicesByClass(random);
        // a random class order decides which classes get the extra image when n % classes != 0
        int[] classOrder = random.permutation(numClasses);
        int[] taken = new int[n];
        int[] next = new int[numClasses];
        int filled = 0;
        while (filled < n) {
            for (int k = 0; k < numClasses && filled < n; k++) {
                int c = classOrder[k];
                if (next[c] < byClass.get(c).length) {
                    taken[filled++] = byClass.get(c)[next[c]++];
                }
            }
        }
        Arrays.sort(taken);

        int size = imageSize();
        byte[] subsetPixels = new byte[n * size];
        byte[] subsetLabels = new byte[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pixels, taken[i] * size, subsetPixels, i * size, size);
            subsetLabels[i] = labels[taken[i]];
        }
        return new ImageDataSet(name + " (subset of " + n + ")",
                "class-balanced subset of " + n + " images (seed " + seed + ") of " + description,
                channels, height, width, numClasses, subsetPixels, subsetLabels);
    }

    private List<int[]> shuffledIndicesByClass(SplitMix64 random) {
        int[] counts = classCounts();
        List<int[]> byClass = new ArrayList<>(numClasses);
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new int[counts[c]]);
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < count; i++) {
            int c = Byte.toUnsignedInt(labels[i]);
            byClass.get(c)[fill[c]++] = i;
        }
        for (int[] indices : byClass) {
            random.shuffle(indices);
        }
        return byClass;
    }

    @Override
    public String toString() {
        return name + ": " + description;
    }
}
