package org.ringlab.data;

/**
 * A data folder read into memory: its training and test splits.
 *
 * @param format the detected on-disk format
 * @param train the training split; {@code test} has the same image shape and number of classes
 * @param normalization the input normalisation: the format's, or for an image folder the one
 *     computed from its training split
 */
public record LoadedData(DataFormat format, ImageDataSet train, ImageDataSet test, Normalization normalization) {

    /** Data in a format with a fixed normalisation. */
    public LoadedData(DataFormat format, ImageDataSet train, ImageDataSet test) {
        this(format, train, test, format.normalization());
    }

    public LoadedData {
        if (normalization == null || normalization.channels() != train.channels()) {
            throw new IllegalArgumentException("a normalisation for " + train.channels() + " channels is needed, got "
                    + normalization);
        }
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()
                || train.numClasses() != test.numClasses()) {
            throw new IllegalArgumentException("train and test differ in image shape or number of classes: "
                    + train + " / " + test);
        }
    }

    /** @return the same facts {@link DataSets#describe} reports for the folder */
    public DataSummary summary() {
        return new DataSummary(format, train.channels(), train.height(), train.width(), train.numClasses(),
                train.count(), test.count());
    }
}
