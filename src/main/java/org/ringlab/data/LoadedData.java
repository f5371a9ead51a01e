package org.ringlab.data;

/**
 * A data folder read into memory: its training and test splits.
 *
 * @param format the detected on-disk format
 * @param train the training split; {@code test} has the same image shape and number of classes
 */
public record LoadedData(DataFormat format, ImageDataSet train, ImageDataSet test) {

    public LoadedData {
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()
                || train.numClasses() != test.numClasses()) {
            throw new IllegalArgumentException("train and test differ in image shape or number of classes: "
                    + train + " / " + test);
        }
    }

    /** @return the input normalisation for this format */
    public Normalization normalization() {
        return format.normalization();
    }

    /** @return the same facts {@link DataSets#describe} reports for the folder */
    public DataSummary summary() {
        return new DataSummary(format, train.channels(), train.height(), train.width(), train.numClasses(),
                train.count(), test.count());
    }
}
