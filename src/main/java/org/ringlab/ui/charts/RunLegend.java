package org.ringlab.ui.charts;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/**
 * One legend for all three charts: a swatch per run in its colour, then a key to the line styles.
 * A run's colour is the same on every chart, so naming it once spares each of the three stacked
 * charts a legend of its own (a dozen entries for three runs on the accuracy chart alone).
 */
final class RunLegend extends FlowPane {

    private static final double SWATCH_LENGTH = 22;

    private final Map<String, Label> runs = new LinkedHashMap<>();

    RunLegend() {
        super(14, 4);
        getStyleClass().add("metrics-legend");
        getChildren().addAll(
                keyEntry("test soft", SeriesStroke.SOFT),
                keyEntry("test snapped", SeriesStroke.SNAPPED),
                keyEntry("snapped + BN", SeriesStroke.SNAPPED_BN),
                keyEntry("per step (faint: raw)", SeriesStroke.RAW));
    }

    void add(String runId, String label, Color colour) {
        Line swatch = swatch(SeriesStroke.SOFT);
        swatch.setStroke(colour);
        Label entry = new Label(label, swatch);
        entry.getStyleClass().add("metrics-legend-run");
        getChildren().add(runs.size(), entry);
        runs.put(runId, entry);
    }

    void remove(String runId) {
        Label entry = runs.remove(runId);
        if (entry != null) {
            getChildren().remove(entry);
        }
    }

    private static Label keyEntry(String text, SeriesStroke stroke) {
        Line swatch = swatch(stroke);
        swatch.getStyleClass().add("metrics-legend-key-line");
        swatch.setOpacity(stroke.opacity());
        Label entry = new Label(text, swatch);
        entry.getStyleClass().add("metrics-legend-key");
        return entry;
    }

    private static Line swatch(SeriesStroke stroke) {
        Line line = new Line(0, 0, SWATCH_LENGTH, 0);
        line.setStrokeWidth(stroke.width() + 0.5);
        line.getStrokeDashArray().setAll(stroke.dashes());
        return line;
    }
}
