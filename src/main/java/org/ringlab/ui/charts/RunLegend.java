package org.ringlab.ui.charts;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * One legend for the charts: a swatch per run in its colour (the loss, learning-rate and gap charts
 * draw each run in it), then the accuracy chart's key: each accuracy in its colour family with its
 * marker, a run being a shade of that family. Naming each once spares every chart a legend of its
 * own (a dozen entries for three runs on the accuracy chart alone).
 */
final class RunLegend extends FlowPane {

    private static final double SWATCH_LENGTH = 22;

    private final Map<String, Label> runs = new LinkedHashMap<>();

    RunLegend() {
        super(14, 4);
        getStyleClass().add("metrics-legend");
        getChildren().addAll(
                accuracyEntry(AccuracyMetric.SOFT),
                accuracyEntry(AccuracyMetric.SNAPPED),
                accuracyEntry(AccuracyMetric.SNAPPED_BN),
                accuracyEntry(AccuracyMetric.TRAIN),
                keyEntry("per step (faint: raw)", SeriesStroke.RAW));
    }

    private static Label accuracyEntry(AccuracyMetric metric) {
        Line line = new Line(0, 0, SWATCH_LENGTH, 0);
        line.setStrokeWidth(metric.width() + 0.5);
        line.getStrokeDashArray().setAll(metric.dashes());
        Color colour = metric.colour(0);
        line.setStroke(colour);
        Node graphic = line;
        if (metric.marker() != null) {
            Shape marker = switch (metric.marker()) {
                case "rectangle" -> new Rectangle(7, 7);
                case "diamond" -> {
                    Rectangle diamond = new Rectangle(6.5, 6.5);
                    diamond.setRotate(45);
                    yield diamond;
                }
                default -> new Circle(3.8);
            };
            marker.setFill(colour);
            graphic = new StackPane(line, marker);
        }
        Label entry = new Label(metric.label(), graphic);
        entry.getStyleClass().add("metrics-legend-key");
        entry.setUserData(metric);
        return entry;
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
