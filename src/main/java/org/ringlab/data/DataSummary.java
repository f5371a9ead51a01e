package org.ringlab.data;

/**
 * What a data folder holds, as far as configuration checks need to know: the format, the image
 * shape, the number of classes and the size of each split.
 *
 * @param format the detected on-disk format
 * @param numClasses labels lie in {@code 0..numClasses-1}
 */
public record DataSummary(DataFormat format, int channels, int height, int width, int numClasses,
        int trainCount, int testCount) {

    /** @return e.g. "CIFAR-10 binary: 3x32x32, 10 classes, 50000 train / 10000 test images" */
    @Override
    public String toString() {
        return format.displayName() + ": " + channels + "x" + height + "x" + width + ", " + numClasses
                + " classes, " + trainCount + " train / " + testCount + " test images";
    }
}
