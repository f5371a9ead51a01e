package org.ringlab.ui.charts;

import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Arrays;

/** One curve on a chart: a {@link Decimator} and the ChartFX data set that shows its points. */
final class DrawnSeries {

    private final Decimator decimator;
    private final DoubleDataSet dataSet;
    private double[] xs = new double[16];
    private double[] ys = new double[16];
    private int publications;

    /** @param css the inline ChartFX style of its points ({@link SeriesStroke#css}) */
    DrawnSeries(String name, String css, int maxPoints) {
        decimator = new Decimator(maxPoints);
        dataSet = new DoubleDataSet(name);
        // ChartFX reads a data set's style once, when the set joins a renderer, so it is set here
        dataSet.setStyle(css);
    }

    DoubleDataSet dataSet() {
        return dataSet;
    }

    void add(double x, double y) {
        decimator.add(x, y);
    }

    void clear() {
        decimator.clear();
    }

    /** Hands the decimated points to the data set, which tells its chart to redraw. */
    void publish() {
        int size = decimator.size();
        if (xs.length < size) {
            int capacity = Math.max(size, 2 * xs.length);
            xs = Arrays.copyOf(xs, capacity);
            ys = Arrays.copyOf(ys, capacity);
        }
        int n = decimator.copyTo(xs, ys);
        dataSet.set(xs, ys, n, true);
        publications++;
    }

    /** How often the points were handed to the data set (each time costs a redraw of its chart). */
    int publications() {
        return publications;
    }
}
