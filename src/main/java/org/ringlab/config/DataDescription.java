package org.ringlab.config;

/**
 * What a {@link DataProbe} found in a data folder.
 *
 * @param format the detected format's name, as the data package calls it
 * @param channels image channels (1 for grayscale)
 * @param trainCount images in the training split
 * @param testCount images in the test split
 */
public record DataDescription(
        String format, int channels, int height, int width, int numClasses, int trainCount,
        int testCount) {

    /** {@code C×H×W}, as messages show it. */
    public String shape() {
        return channels + "×" + height + "×" + width;
    }
}
