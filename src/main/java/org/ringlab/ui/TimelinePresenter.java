package org.ringlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.util.Duration;
import org.ringlab.config.RunConfig;
import org.ringlab.figures.RunData;
import org.ringlab.figures.RunLabel;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.ModelBuilder;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.ui.charts.MetricsCharts;
import org.ringlab.ui.latent.LatentPane;
import org.ringlab.ui.latent.ViewExport;
import org.ringlab.ui.ringview.LatentHistogramView;
import org.ringlab.ui.ringview.RingView;
import org.ringlab.ui.ringview.WeightHistogram;
import org.ringlab.ui.timeline.EpochIndex;
import org.ringlab.ui.timeline.ReplaySpeed;
import org.ringlab.ui.timeline.TimelinePane;

/**
 * The ring view, its layer selector and the timeline of one run: follows the run live while the
 * slider sits at its right end, shows any earlier snapshot (with a marker on the charts) when the
 * user drags it, and replays the history on Play at the chosen speed. "Compare rings…" shows a second
 * run's ring beside the first, at the same point of training (the same epochs done, as a fraction).
 */
final class TimelinePresenter {
    static final String ALL_LAYERS = "all layers";
    private static final Ring DEFAULT_RING = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);

    final RingView ringView = new RingView(DEFAULT_RING);
    final WeightHistogram weightHistogram = new WeightHistogram(DEFAULT_RING);
    /** Non-ring methods: their latent coordinate against the method's lines, in the ring view's place. */
    final LatentHistogramView latentView = new LatentHistogramView();
    /** The compared run's ring, beside the first. */
    final RingView compareView = new RingView(DEFAULT_RING);
    private boolean latentMode;
    private final ComboBox<String> layerBox;
    private final Slider timeline;
    private final Label timelineLabel;
    private final Button playButton;
    private final ComboBox<ReplaySpeed> speedBox;
    private final TimelinePane timelinePane;
    private final LatentPane latentPane;
    private final MetricsCharts charts;
    private final Supplier<List<LiveRun>> allRuns;
    private final ViewExport export;
    private LiveRun run;
    private LiveRun compared;
    private boolean followLive = true;
    private boolean updatingTimeline;
    /** The replay's position in epochs done; the slider follows it to the snapshot taken by then. */
    private final DoubleProperty playhead = new SimpleDoubleProperty();
    private Timeline replay;

    /**
     * @param allRuns the runs a comparison may pick from (the runs list: this session's and the store's)
     */
    TimelinePresenter(TimelinePane timelinePane, LatentPane latentPane, MetricsCharts charts,
            Supplier<List<LiveRun>> allRuns, ServiceCalls calls, MessageBar messages) {
        this.timelinePane = timelinePane;
        this.latentPane = latentPane;
        this.layerBox = latentPane.layerBox();
        this.timeline = timelinePane.slider();
        this.timelineLabel = timelinePane.label();
        this.playButton = timelinePane.playButton();
        this.speedBox = timelinePane.speedBox();
        this.charts = charts;
        this.allRuns = allRuns;
        latentPane.show(ringView, latentView, weightHistogram);
        latentPane.showCompared(compareView);
        latentPane.onCompareRings(this::onCompareRings);
        export = new ViewExport(calls, messages, this::shown);
        export.attachTo(latentPane.ringViewPane());
        layerBox.valueProperty().addListener((obs, was, now) -> show(false));
        timeline.valueProperty().addListener((obs, was, now) -> {
            if (!updatingTimeline) {
                followLive = run != null && (int) Math.round(now.doubleValue()) >= run.snapshots.size() - 1;
                show(false);
            }
        });
        speedBox.valueProperty().addListener((obs, was, now) -> {
            if (replay != null && now != null) {
                replay.setRate(now.factor());
            }
        });
        playhead.addListener((obs, was, now) -> {
            if (replay != null && run != null) {
                timeline.setValue(EpochIndex.at(run.snapshots, now.doubleValue()));
            }
        });
    }

    /** Shows another run from its latest snapshot, following it live. */
    void showRun(LiveRun next) {
        stopReplay();
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
        if (compared == next || latentMode) {
            endComparison();
        }
        snapshotsArrived();
    }

    private void setLatentMode(boolean latent) {
        latentMode = latent;
        latentView.setVisible(latent);
        ringView.setVisible(!latent);
        weightHistogram.setVisible(!latent);
        // the comparison is of rings; other methods have none
        latentPane.compareRingsButton().setDisable(latent);
    }

    boolean isLatentMode() {
        return latentMode;
    }

    boolean isShowing(LiveRun candidate) {
        return run == candidate;
    }

    /** New snapshots of the shown run: extend the timeline and, when following, animate to the newest. */
    void snapshotsArrived() {
        snapshotsArrived(true);
    }

    /**
     * New snapshots of the shown run: extend the timeline and, when following, move to the newest,
     * eased when {@code animate} (the frame pump passes false while it spares the CPU for training).
     */
    void snapshotsArrived(boolean animate) {
        if (run == null) {
            return;
        }
        charts.scalarsView().show(run.snapshots);
        if (run.snapshots.isEmpty()) {
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
        timelinePane.markers().setEnds(EpochIndex.epochEnds(run.snapshots));
        if (followLive) {
            show(animate);
        }
    }

    /** The shown run started or ended: the timeline's "(live)" follows its status, not only its snapshots. */
    void statusChanged() {
        if (followLive) {
            show(false);
        }
    }

    void setDark(boolean dark) {
        ringView.setDark(dark);
        compareView.setDark(dark);
        weightHistogram.setDark(dark);
        latentView.setDark(dark);
    }

    /** The views' text follows the window's font size (talk mode, View → Font size). */
    void setWindowFontPx(double px) {
        ringView.setWindowFontPx(px);
        compareView.setWindowFontPx(px);
        weightHistogram.setWindowFontPx(px);
        latentView.setWindowFontPx(px);
    }

    /**
     * Play: from the shown snapshot (from the first when the slider is at its end) to the last, the
     * playhead moving through the epochs at the chosen speed; again: pause.
     */
    void togglePlay() {
        if (replay != null) {
            stopReplay();
            return;
        }
        if (run == null || run.snapshots.size() < 2) {
            return;
        }
        List<PositionSnapshot> snapshots = run.snapshots;
        int index = (int) Math.round(timeline.getValue());
        int from = index >= snapshots.size() - 1 ? 0 : index;
        double start = snapshots.get(from).epochProgress();
        double end = snapshots.get(snapshots.size() - 1).epochProgress();
        followLive = false;
        timeline.setValue(from);
        playhead.set(start);
        // at least a frame per snapshot even where the snapshots hold no progress (a run of one epoch step)
        double seconds = Math.max(ReplaySpeed.NORMAL.seconds(end - start), 0.04 * (snapshots.size() - from));
        replay = new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(playhead, start)),
                new KeyFrame(Duration.seconds(seconds), new KeyValue(playhead, end, Interpolator.LINEAR)));
        replay.setRate(speed().factor());
        replay.setOnFinished(e -> {
            timeline.setValue(timeline.getMax());
            stopReplay();
        });
        replay.play();
        playButton.setText("Pause replay");
    }

    private void stopReplay() {
        if (replay != null) {
            Timeline stopping = replay;
            replay = null;
            stopping.stop();
        }
        playButton.setText("Play");
    }

    ReplaySpeed speed() {
        ReplaySpeed chosen = speedBox.getValue();
        return chosen == null ? ReplaySpeed.NORMAL : chosen;
    }

    /** The running replay (tests read its rate and position); null when none runs. */
    Timeline replay() {
        return replay;
    }

    /** The replay's position in epochs done. */
    double playhead() {
        return playhead.get();
    }

    // ---- side by side

    private void onCompareRings() {
        if (compared != null) {
            endComparison();
            return;
        }
        List<Choice> choices = new ArrayList<>();
        for (LiveRun r : allRuns.get()) {
            if (r != run && r.handle.config().usesRing() && !r.snapshots.isEmpty()) {
                choices.add(new Choice(r));
            }
        }
        if (run == null || latentMode || choices.isEmpty()) {
            timelineLabel.setText(run == null || latentMode ? "compare rings: show a ring run first"
                    : "compare rings: no other ring run with snapshots");
            return;
        }
        ChoiceDialog<Choice> dialog = new ChoiceDialog<>(choices.get(0), choices);
        dialog.setTitle("Compare rings");
        dialog.setHeaderText("Show which run's ring beside " + run.handle.name() + "?");
        dialog.setContentText("Run:");
        if (latentPane.ringViewPane().getScene() != null) {
            dialog.initOwner(latentPane.ringViewPane().getScene().getWindow());
        }
        dialog.showAndWait().ifPresent(c -> compareWith(c.run));
    }

    /** A run as the comparison's choice lists it. */
    private record Choice(LiveRun run) {
        @Override
        public String toString() {
            return run.handle.name() + " · " + RunLabel.methodAndBits(run.handle.config());
        }
    }

    /** Shows {@code other}'s ring beside the current run's, in step with the timeline. */
    void compareWith(LiveRun other) {
        compared = other;
        compareView.setRing(ModelBuilder.ring(other.handle.config()));
        latentPane.setComparing(true);
        show(false);
    }

    void endComparison() {
        compared = null;
        latentPane.setComparing(false);
    }

    LiveRun compared() {
        return compared;
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

    private int shownIndex() {
        return Math.min(run.snapshots.size() - 1, (int) Math.round(timeline.getValue()));
    }

    private void show(boolean animate) {
        if (run == null || run.snapshots.isEmpty() || layerBox.getValue() == null) {
            return;
        }
        PositionSnapshot snap = run.snapshots.get(shownIndex());
        String layer = layerBox.getValue();
        if (latentMode) {
            if (ALL_LAYERS.equals(layer)) {
                latentView.showAll(snap.layers());
            } else {
                snap.layers().stream().filter(l -> l.layer().equals(layer)).findFirst().ifPresent(latentView::show);
            }
        } else if (ALL_LAYERS.equals(layer)) {
            ringView.showAll(snap.layers(), animate);
            weightHistogram.showAll(snap.layers(), animate);
        } else {
            for (LayerSnapshot l : snap.layers()) {
                if (l.layer().equals(layer)) {
                    ringView.show(l, animate);
                    weightHistogram.show(l, animate);
                }
            }
        }
        if (compared != null) {
            showCompared(snap, layer, animate);
        }
        timelineLabel.setText(String.format(Locale.ROOT, "step %d · epoch %.2f%s", snap.step(), snap.epochProgress(),
                followLive && !run.handle.status().isTerminal() ? " (live)" : "")); // an ended run is not live
        if (followLive) {
            charts.clearMarker();
        } else {
            charts.setMarker(snap.step());
        }
    }

    /** The compared run at the snapshot taken by the same epochs done; the same layer where it has one. */
    private void showCompared(PositionSnapshot snap, String layer, boolean animate) {
        latentPane.ringCaption().setText(caption(run, snap));
        if (compared.snapshots.isEmpty()) {
            return;
        }
        PositionSnapshot other = compared.snapshots.get(EpochIndex.at(compared.snapshots, snap.epochProgress()));
        latentPane.compareCaption().setText(caption(compared, other));
        LayerSnapshot same = other.layers().stream().filter(l -> l.layer().equals(layer)).findFirst().orElse(null);
        if (same != null) {
            compareView.show(same, animate);
        } else {
            compareView.showAll(other.layers());
        }
    }

    private static String caption(LiveRun r, PositionSnapshot s) {
        return String.format(Locale.ROOT, "%s · %s · step %d · epoch %.2f", r.handle.name(),
                RunLabel.methodAndBits(r.handle.config()), s.step(), s.epochProgress());
    }

    /** What the ring / latent view shows now, for Export…; null when nothing. */
    private ViewExport.Shown shown() {
        if (run == null || run.snapshots.isEmpty() || layerBox.getValue() == null
                || !run.handle.config().quantized()) {
            return null;
        }
        RunConfig c = run.handle.config();
        PositionSnapshot snap = run.snapshots.get(shownIndex());
        String layer = ALL_LAYERS.equals(layerBox.getValue()) ? null : layerBox.getValue();
        RunData data = new RunData(run.handle.directory(), RunLabel.of(c), c, run.handle.history().epochs(),
                List.copyOf(run.snapshots), List.of());
        return new ViewExport.Shown(data, layer, snap.step(), c.usesRing());
    }

    /** Export… of the ring / latent view (tests call it without the menu and file chooser). */
    ViewExport export() {
        return export;
    }
}
