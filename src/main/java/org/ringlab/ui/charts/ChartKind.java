package org.ringlab.ui.charts;

/** The window's charts, each of which Export… writes as a figure. */
public enum ChartKind {
    LOSS("loss"),
    ACCURACY("accuracy"),
    LEARNING_RATE("lr"),
    GAP("quantization-gap");

    private final String fileName;

    ChartKind(String fileName) {
        this.fileName = fileName;
    }

    /** The file name Export… suggests, without extension. */
    public String fileName() {
        return fileName;
    }
}
