package org.ringlab.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;

/**
 * Ticks under the timeline's slider where each epoch ends, labelled with the epoch, placed where the
 * slider's thumb stands at that point. With many epochs only every n-th tick keeps its label.
 */
public final class EpochMarkers extends Region {
    /** Fewer labels than this stay readable under a slider of a few hundred pixels. */
    static final int MAX_LABELS = 12;
    private static final double TICK = 5;

    private final Slider slider;
    private final List<EpochIndex.EpochEnd> ends = new ArrayList<>();
    private final List<Line> ticks = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();

    public EpochMarkers(Slider slider) {
        this.slider = slider;
        getStyleClass().add("epoch-markers");
        setMinHeight(20);
        setPrefHeight(20);
        slider.widthProperty().addListener(obs -> requestLayout());
        slider.maxProperty().addListener(obs -> requestLayout());
    }

    /** The epoch ends to mark, on the slider's scale. */
    public void setEnds(List<EpochIndex.EpochEnd> next) {
        if (next.equals(ends)) {
            return;
        }
        ends.clear();
        ends.addAll(next);
        ticks.clear();
        labels.clear();
        int every = Math.max(1, (int) Math.ceil(ends.size() / (double) MAX_LABELS));
        List<Node> children = new ArrayList<>();
        for (EpochIndex.EpochEnd end : ends) {
            Line tick = new Line(0, 0, 0, TICK);
            tick.getStyleClass().add("epoch-tick");
            ticks.add(tick);
            children.add(tick);
            Label label = new Label(end.epoch() % every == 0 ? "epoch " + end.epoch() : "");
            label.getStyleClass().add("epoch-label");
            labels.add(label);
            children.add(label);
        }
        getChildren().setAll(children);
        requestLayout();
    }

    /** The labels shown, in order ("epoch 1", …; empty for thinned-out ticks). */
    public List<String> labelTexts() {
        return labels.stream().map(Label::getText).toList();
    }

    /** The x of each tick in this region's coordinates (after layout). */
    public List<Double> tickPositions() {
        return ticks.stream().map(Node::getLayoutX).toList();
    }

    @Override
    protected void layoutChildren() {
        // the slider skin keeps half a thumb free at either end of the track
        Node thumb = slider.lookup(".thumb");
        double half = thumb == null ? 0 : thumb.getLayoutBounds().getWidth() / 2;
        double left = slider.getLayoutX() - getLayoutX() + slider.snappedLeftInset() + half;
        double track = slider.getWidth() - slider.snappedLeftInset() - slider.snappedRightInset() - 2 * half;
        double range = slider.getMax() - slider.getMin();
        for (int i = 0; i < ends.size(); i++) {
            double x = left + (range > 0 ? (ends.get(i).position() - slider.getMin()) / range * track : 0);
            x = snapPositionX(x);
            ticks.get(i).setLayoutX(x);
            Label label = labels.get(i);
            double w = label.prefWidth(-1);
            label.resizeRelocate(snapPositionX(x - w / 2), TICK - 2, w, label.prefHeight(w));
        }
    }
}
