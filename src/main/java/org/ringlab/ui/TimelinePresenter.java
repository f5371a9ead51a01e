package org.ringlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.util.Duration;
import org.ringlab.config.RunConfig;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.ModelBuilder;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.ui.charts.MetricsCharts;
import org.ringlab.ui.ringview.LatentHistogramView;
import org.ringlab.ui.ringview.RingView;
import org.ringlab.ui.ringview.WeightHistogram;

/**
 * The ring view, its layer selector and the timeline of one run: follows the run live while the
 * slider sits at its right end, shows any earlier snapshot (with a marker on the charts) when the
 * user drags it, and replays the history on Play.
 */
final class TimelinePresenter {
    static final String ALL_LAYERS = "all layers";
    private static final Ring DEFAULT_RING = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);

    final RingView ringView = new RingView(DEFAULT_RING);
    final WeightHistogram weightHistogram = new WeightHistogram(DEFAULT_RING);
    /** Non-ring methods: their latent coordinate against the method's lines, in the ring view's place. */
    final LatentHistogramView latentView = new LatentHistogramView();
    private boolean latentMode;
    private final ComboBox<String> layerBox;
    private final Slider timeline;
    private final Label timelineLabel;
    private final Button playButton;
    private final MetricsCharts charts;
    private LiveRun run;
    private boolean followLive = true;
    private boolean updatingTimeline;
    private Timeline replay;

    TimelinePresenter(ComboBox<String> layerBox, Slider timeline, Label timelineLabel, Button playButton,
            MetricsCharts charts) {
        this.layerBox = layerBox;
        this.timeline = timeline;
        this.timelineLabel = timelineLabel;
        this.playButton = playButton;
        this.charts = charts;
        layerBox.valueProperty().addListener((obs, was, now) -> show(false));
        timeline.valueProperty().addListener((obs, was, now) -> {
            if (!updatingTimeline) {
                followLive = run != null && (int) Math.round(now.doubleValue()) >= run.snapshots.size() - 1;
                show(false);
            }
        });
    }

    /** Shows another run from its latest snapshot, following it live. */
    void showRun(LiveRun next) {
        run = next;
        followLive = true;
        RunConfig c = next.handle.config();
        // FP32 runs have no ring and no snapshots: the view keeps its last ring
        if (c.usesRing()) {
            Ring ring = ModelBuilder.ring(c);
            ringView.setRing(ring);
            weightHistogram.setRing(ring);
        }
        setLatentMode(c.quantized() && !c.usesRing());
        snapshotsArrived();
    }

    private void setLatentMode(boolean latent) {
        latentMode = latent;
        latentView.setVisible(latent);
        ringView.setVisible(!latent);
        weightHistogram.setVisible(!latent);
    }

    boolean isLatentMode() {
        return latentMode;
    }

    boolean isShowing(LiveRun candidate) {
        return run == candidate;
    }

    /** New snapshots of the shown run: extend the timeline and, when following, animate to the newest. */
    void snapshotsArrived() {
        if (run == null || run.snapshots.isEmpty()) {
            return;
        }
        refreshLayers();
        updatingTimeline = true;
        try {
            int last = run.snapshots.size() - 1;
            timeline.setMax(last);
            if (followLive) {
                timeline.setValue(last);
            }
        } finally {
            updatingTimeline = false;
        }
        if (followLive) {
            show(true);
        }
    }

    void setDark(boolean dark) {
        ringView.setDark(dark);
        weightHistogram.setDark(dark);
        latentView.setDark(dark);
    }

    void togglePlay() {
        if (replay != null) {
            replay.stop();
            replay = null;
            playButton.setText("Play");
            return;
        }
        if (run == null || run.snapshots.size() < 2) {
            return;
        }
        followLive = false;
        timeline.setValue(0);
        replay = new Timeline(new KeyFrame(Duration.millis(120), e -> {
            if (timeline.getValue() >= timeline.getMax()) {
                togglePlay();
            } else {
                timeline.setValue(timeline.getValue() + 1);
            }
        }));
        replay.setCycleCount(Timeline.INDEFINITE);
        replay.play();
        playButton.setText("Pause replay");
    }

    private void refreshLayers() {
        List<String> names = new ArrayList<>();
        names.add(ALL_LAYERS);
        for (LayerSnapshot l : run.snapshots.get(0).layers()) {
            names.add(l.layer());
        }
        if (!names.equals(layerBox.getItems())) {
            String selected = layerBox.getValue();
            layerBox.setItems(FXCollections.observableArrayList(names));
            layerBox.setValue(selected != null && names.contains(selected) ? selected : names.get(1));
        }
    }

    private void show(boolean animate) {
        if (run == null || run.snapshots.isEmpty() || layerBox.getValue() == null) {
            return;
        }
        int index = Math.min(run.snapshots.size() - 1, (int) Math.round(timeline.getValue()));
        PositionSnapshot snap = run.snapshots.get(index);
        String layer = layerBox.getValue();
        if (latentMode) {
            if (ALL_LAYERS.equals(layer)) {
                latentView.showAll(snap.layers());
            } else {
                snap.layers().stream().filter(l -> l.layer().equals(layer)).findFirst().ifPresent(latentView::show);
            }
        } else if (ALL_LAYERS.equals(layer)) {
            ringView.showAll(snap.layers());
            weightHistogram.showAll(snap.layers());
        } else {
            for (LayerSnapshot l : snap.layers()) {
                if (l.layer().equals(layer)) {
                    ringView.show(l, animate);
                    weightHistogram.show(l, animate);
                }
            }
        }
        timelineLabel.setText(String.format(Locale.ROOT, "step %d · epoch %.2f%s", snap.step(), snap.epochProgress(),
                followLive && !run.handle.status().isTerminal() ? " (live)" : "")); // an ended run is not live
        if (followLive) {
            charts.clearMarker();
        } else {
            charts.setMarker(snap.step());
        }
    }
}
