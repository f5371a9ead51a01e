package org.ringlab.ui.talk;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.ringlab.ui.charts.MetricsCharts;

/**
 * Keeps the window's talk settings applied: the font size (the user's, or demo mode's floor for
 * the window's height, refigured as the window is resized or goes full screen), and in demo mode
 * the metric strip shown and the learning-rate chart hidden.
 */
public final class TalkMode {
    private final Parent root;
    private final ObservableBooleanValue demo;
    private final ObservableDoubleValue preferred;
    private final MetricsCharts charts;
    private final MetricStrip strip;
    private final ReadOnlyDoubleWrapper fontPx = new ReadOnlyDoubleWrapper(FontSizes.DEFAULT_PX);
    /** The scene the size was last put on: a resize that keeps the size restyles nothing. */
    private Scene styled;

    public TalkMode(Parent root, ObservableBooleanValue demo, ObservableDoubleValue preferred, MetricsCharts charts,
            MetricStrip strip) {
        this.root = root;
        this.demo = demo;
        this.preferred = preferred;
        this.charts = charts;
        this.strip = strip;
        root.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                now.heightProperty().addListener(o -> refreshFont());
            }
            refreshFont();
        });
        if (root.getScene() != null) {
            root.getScene().heightProperty().addListener(o -> refreshFont());
        }
        demo.addListener(o -> refresh());
        preferred.addListener(o -> refreshFont());
        refresh();
    }

    /** The font size the window uses now, in px. */
    public ReadOnlyDoubleProperty fontPx() {
        return fontPx.getReadOnlyProperty();
    }

    private void refresh() {
        boolean on = demo.get();
        strip.setVisible(on);
        strip.setManaged(on);
        charts.setLearningRateShown(!on);
        // a room cannot hover: in demo mode every epoch point says its value
        charts.showValueLabelsProperty().set(on);
        refreshFont();
    }

    private void refreshFont() {
        Scene scene = root.getScene();
        double px = FontSizes.effective(preferred.get(), demo.get(), scene == null ? 0 : scene.getHeight());
        if (scene == styled && px == fontPx.get()) {
            return;
        }
        fontPx.set(px);
        charts.setValueLabelFontPx(px);
        styled = scene;
        if (scene != null) {
            WindowFonts.apply(scene, px);
        }
    }
}
