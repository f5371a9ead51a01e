package org.ringlab.ui.charts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.paint.Color;

/**
 * How one kind of series is drawn in its run's colour. The run is told by colour, the kind of
 * series by opacity, width and dash, so one run's curves read as a family.
 */
@SuppressWarnings("ImmutableEnumChecker") // the dash array is private and handed out only as a copy
enum SeriesStroke {
    /** Per-step values under their smoothed curve: faint, so the noise shows without hiding the trend. */
    RAW(0.18, 1.0, false),
    /** The smoothed per-step loss, or the learning rate: the main line. */
    MAIN(1.0, 2.0, false),
    /** Smoothed per-step train accuracy, kept quieter than the test accuracies it sits among. */
    TRAIN(0.6, 1.0, false),
    /** Test accuracy with the soft weights. */
    SOFT(1.0, 2.0, true),
    /** Test accuracy with weights snapped to the ring. */
    SNAPPED(1.0, 2.0, true, 6, 4),
    /** Snapped, after BatchNorm statistics are re-estimated. */
    SNAPPED_BN(1.0, 2.0, true, 1.5, 3);

    private final double opacity;
    private final double width;
    private final boolean markers;
    private final double[] dashes;

    SeriesStroke(double opacity, double width, boolean markers, double... dashes) {
        this.opacity = opacity;
        this.width = width;
        this.markers = markers;
        this.dashes = dashes;
    }

    double opacity() {
        return opacity;
    }

    double width() {
        return width;
    }

    /** Dash and gap lengths in pixels; none for a solid line. */
    Double[] dashes() {
        return Arrays.stream(dashes).boxed().toArray(Double[]::new);
    }

    /**
     * The inline ChartFX data-set style. Inline, because it outranks every stylesheet: a theme may
     * restyle the charts but never repaint a run.
     */
    String css(Color runColour) {
        return css(runColour, opacity, width, dashes, markers ? "circle" : null, 2.5);
    }

    /** An inline ChartFX data-set style; {@code marker} is a ChartFX marker type, or null for none. */
    static String css(Color colour, double opacity, double width, double[] dashes, String marker, double markerSize) {
        String rgba = String.format(Locale.ROOT, "rgba(%d,%d,%d,%.3f)", channel(colour.getRed()),
                channel(colour.getGreen()), channel(colour.getBlue()), opacity);
        StringBuilder css = new StringBuilder()
                .append("-fx-line-color: ").append(rgba).append("; ")
                .append("-fx-marker-color: ").append(rgba).append("; ")
                .append(String.format(Locale.ROOT, "-fx-line-width: %.1f;", width));
        if (dashes.length > 0) {
            css.append(" -fx-line-dash-array: ")
                    .append(Arrays.stream(dashes).mapToObj(d -> String.format(Locale.ROOT, "%.1f", d))
                            .collect(Collectors.joining(" ")))
                    .append(';');
        }
        if (marker != null) {
            css.append(String.format(Locale.ROOT, " -fx-marker-type: %s; -fx-marker-size: %.1f;", marker, markerSize));
        }
        return css.toString();
    }

    private static int channel(double value) {
        return (int) Math.round(value * 255);
    }
}
