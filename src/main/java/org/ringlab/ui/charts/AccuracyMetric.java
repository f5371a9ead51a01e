package org.ringlab.ui.charts;

import java.util.Arrays;
import javafx.scene.paint.Color;

/**
 * How each accuracy is drawn on the accuracy chart. The chart exists to show the gap between the
 * soft, snapped and snapped + BN accuracies, so the metric is what the eye must tell apart first:
 * each has its own colour family (blue, vermillion, bluish green from Okabe–Ito; grey for the
 * training accuracy) and its own marker, with the dash pattern as a third cue for greyscale print.
 * Runs are told apart by a shade within each family ({@link #colour}), and by name in the tooltip.
 * Small multiples (one chart per metric) were the other choice; they would cost three chart rows,
 * which a 1366×768 window does not have, and put the three values of an epoch on different axes.
 */
@SuppressWarnings("ImmutableEnumChecker") // the dash array is private and handed out only as a copy
enum AccuracyMetric {
    /** Smoothed per-step training accuracy: quiet grey, under the test points. */
    TRAIN("train", Color.web("#7a7a7a"), 0.55, 1.0, null),
    SOFT("test soft", Color.web("#0072B2"), 1.0, 2.0, "circle"),
    SNAPPED("test snapped", Color.web("#D55E00"), 1.0, 2.0, "rectangle", 6, 4),
    SNAPPED_BN("test snapped + BN", Color.web("#009E73"), 1.0, 2.0, "diamond", 1.5, 3);

    /** The opacity of the raw per-step training accuracy, drawn first so everything else lies on it. */
    static final double RAW_OPACITY = 0.15;

    /** Marker size of the epoch points, in pixels. */
    static final double MARKER_SIZE = 3.5;

    /** Run k's shade: 0 is the family's base colour, then darker and lighter in turn. */
    private static final double[] SHADES = {0, -0.4, 0.45, -0.65, 0.7};

    private final String label;
    private final Color base;
    private final double opacity;
    private final double width;
    private final String marker;
    private final double[] dashes;

    AccuracyMetric(String label, Color base, double opacity, double width, String marker, double... dashes) {
        this.label = label;
        this.base = base;
        this.opacity = opacity;
        this.width = width;
        this.marker = marker;
        this.dashes = dashes;
    }

    String label() {
        return label;
    }

    /** The ChartFX marker type of its epoch points; null for the (markerless) training accuracy. */
    String marker() {
        return marker;
    }

    double width() {
        return width;
    }

    Double[] dashes() {
        return Arrays.stream(dashes).boxed().toArray(Double[]::new);
    }

    /** The family's colour for the run with this palette index. */
    Color colour(int runIndex) {
        double shade = SHADES[Math.floorMod(runIndex, SHADES.length)];
        return shade < 0 ? base.interpolate(Color.BLACK, -shade) : base.interpolate(Color.WHITE, shade);
    }

    String css(int runIndex) {
        return SeriesStroke.css(colour(runIndex), opacity, width, dashes, marker, MARKER_SIZE);
    }

    /** The raw per-step training accuracy: the training family, faint and thin. */
    static String rawTrainCss(int runIndex) {
        return SeriesStroke.css(TRAIN.colour(runIndex), RAW_OPACITY, 1.0, new double[0], null, 0);
    }
}
