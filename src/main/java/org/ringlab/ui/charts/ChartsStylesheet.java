package org.ringlab.ui.charts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.css.PseudoClass;

/**
 * The stylesheet {@link MetricsCharts} carries: the neutral colours of its legend key and marker,
 * and the dark theme, switched by the {@code :dark} pseudo-class. Run colours are not here; they
 * are inline on each data set (see {@link SeriesStroke}).
 *
 * <p>It travels as a data URI, so the charts need no resource file. An application stylesheet
 * overrides a rule here with a more specific selector.
 */
final class ChartsStylesheet {

    static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private static final String CSS = """
            .metrics-legend { -fx-padding: 2 8 2 8; }
            .metrics-gap-key { -fx-padding: 4 8 2 8; }
            .metrics-legend-key-line { -fx-stroke: #3c3c3c; }
            .metrics-chart .value-indicator-line { -fx-stroke: #202020; -fx-stroke-dash-array: 4 3; }

            .metrics-charts:dark { -fx-background-color: #1e1f22; }
            .metrics-charts:dark .label { -fx-text-fill: #d4d4d4; }
            .metrics-charts:dark .metrics-legend-key-line { -fx-stroke: #d4d4d4; }
            .metrics-charts:dark .metrics-chart { -fx-background-color: #1e1f22; }
            .metrics-charts:dark .metrics-chart .chart-plot-background { -fx-background-color: #26282c; }
            .metrics-charts:dark .metrics-chart .axis .axis-label,
            .metrics-charts:dark .metrics-chart .axis .axis-tick-label { -fx-fill: #d4d4d4; }
            .metrics-charts:dark .metrics-chart .axis .axis-major-tick-mark,
            .metrics-charts:dark .metrics-chart .axis .axis-minor-tick-mark { -fx-stroke: #6b6e75; }
            .metrics-charts:dark .metrics-chart .grid-renderer .chart-major-grid-lines { -fx-stroke: #3d4046; }
            .metrics-charts:dark .metrics-chart .value-indicator-line { -fx-stroke: #f0f0f0; }
            .metrics-charts:dark .metrics-chart .chart-datapoint-tooltip-label {
                -fx-background-color: #3a3d42; -fx-border-color: #8a8d93; -fx-text-fill: #f0f0f0;
            }
            """;

    static final String URI = "data:text/css;base64,"
            + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8));

    private ChartsStylesheet() {
    }
}
