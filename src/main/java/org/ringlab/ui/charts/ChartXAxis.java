package org.ringlab.ui.charts;

/**
 * What the charts' shared x-axis counts. Steps are what training counts; epochs line up runs of
 * different lengths (another batch size, another data set size) and are what the figures use.
 */
public enum ChartXAxis {
    STEP("step"),
    /** Fractional epochs: epoch e's last step is at e, so epoch points sit at whole numbers. */
    EPOCH("epoch");

    private final String title;

    ChartXAxis(String title) {
        this.title = title;
    }

    /** The axis title. */
    public String title() {
        return title;
    }
}
