package org.ringlab.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ringlab.train.PositionSnapshot;

/**
 * The shown run's method scalars over training, one line per layer, one scalar at a time (the
 * box above the chart picks it): how TTQ's scales move, how LSQ's step settles, when each SLQ
 * layer reaches its next frozen share, which STQ layers turned binary. Fed from the same
 * snapshots as the ring view; redrawn only when they or the choice change.
 */
public final class ScalarsChart extends VBox {
    private final ComboBox<String> scalarBox = new ComboBox<>();
    private final Label note = new Label("no method scalars yet: FP32 and the reference ring record none");
    private final ErrorDataSetRenderer lines = ChartParts.lines();
    private final XYChart chart = ChartParts.chart(ChartParts.axis("value"), lines);
    private ScalarTracks tracks = ScalarTracks.of(List.of());
    private List<PositionSnapshot> shown = List.of();
    /** Whether the tab is on screen; while it is not, new snapshots wait in {@link #pending}. */
    private boolean showing = true;
    private List<PositionSnapshot> pending;

    public ScalarsChart() {
        getStyleClass().addAll("metrics-charts", "metrics-scalars-view");
        getStylesheets().add(ChartsStylesheet.URI);
        scalarBox.setId("scalarBox");
        scalarBox.valueProperty().addListener((obs, was, now) -> redraw());
        Label pick = new Label("Scalar");
        pick.setMinWidth(Label.USE_PREF_SIZE);
        HBox bar = new HBox(8, pick, scalarBox, note);
        bar.setPadding(new Insets(4, 8, 2, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        chart.setLegendVisible(true);
        chart.getPlugins().addAll(new Zoomer(), new DataPointTooltip());
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(bar, chart);
    }

    /**
     * Shows these snapshots' scalars (the same list again draws nothing new). While the tab is hidden
     * only the list is kept: a live run's snapshots cost nothing until someone looks.
     */
    public void show(List<PositionSnapshot> snapshots) {
        if (!showing) {
            pending = snapshots;
            return;
        }
        if (snapshots.size() == shown.size() && (snapshots.isEmpty()
                || snapshots.get(snapshots.size() - 1).equals(shown.get(shown.size() - 1)))) {
            return;
        }
        shown = List.copyOf(snapshots);
        tracks = ScalarTracks.of(shown);
        List<String> names = tracks.names();
        String keep = scalarBox.getValue();
        if (!names.equals(scalarBox.getItems())) {
            scalarBox.getItems().setAll(names);
        }
        scalarBox.setValue(keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
        note.setVisible(names.isEmpty());
        note.setManaged(names.isEmpty());
        redraw();
    }

    /** The tab came on screen (true) or left it: what arrived meanwhile is drawn now. */
    public void setShowing(boolean now) {
        showing = now;
        if (now && pending != null) {
            List<PositionSnapshot> latest = pending;
            pending = null;
            show(latest);
        }
    }

    private void redraw() {
        String name = scalarBox.getValue();
        List<DoubleDataSet> sets = new ArrayList<>();
        List<ScalarTracks.Track> chosen = name == null ? List.of() : tracks.tracks(name);
        for (int i = 0; i < chosen.size(); i++) {
            ScalarTracks.Track t = chosen.get(i);
            DoubleDataSet set = new DoubleDataSet(t.layer());
            set.set(t.steps(), t.values());
            set.setStyle(SeriesStroke.css(RunPalette.OKABE_ITO.get(i % RunPalette.OKABE_ITO.size()), 1.0,
                    i < RunPalette.OKABE_ITO.size() ? 2.0 : 1.0, new double[0], null, 0));
            sets.add(set);
        }
        lines.getDatasets().setAll(sets);
        ((io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) chart.getYAxis()).setName(Objects.requireNonNullElse(name,
                "value"));
        chart.invalidate();
    }

    /** The scalar on show, for tests. */
    public String scalar() {
        return scalarBox.getValue();
    }

    /** The layers drawn now, for tests. */
    public List<String> layersDrawn() {
        return lines.getDatasets().stream().map(d -> d.getName()).toList();
    }
}
