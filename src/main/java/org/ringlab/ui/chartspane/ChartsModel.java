package org.ringlab.ui.chartspane;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;
import org.ringlab.ui.LiveRun;

/**
 * Which runs the metrics charts show (the selected ones) and how (smoothing, log loss, x-axis in
 * steps or epochs). A run keeps its curve, and its colour, while it stays selected: selecting more
 * adds curves, deselecting removes only that run's.
 */
public final class ChartsModel {
    /** What the charts must do; the window's {@code MetricsCharts} does it. */
    public interface Charts {
        void addRun(String runId, String label);

        void removeRun(String runId);

        void appendSteps(String runId, List<StepMetrics> steps);

        void appendEpochs(String runId, List<EpochMetrics> epochs);
    }

    public final DoubleProperty smoothing = new SimpleDoubleProperty(0.6);
    public final BooleanProperty logLoss = new SimpleBooleanProperty();
    /** Whether the charts count their x-axis in epochs rather than steps. */
    public final BooleanProperty epochAxis = new SimpleBooleanProperty();
    private final StringBinding smoothingText = Bindings.createStringBinding(
            () -> String.format(Locale.ROOT, "%.2f", smoothing.get()), smoothing);
    private final Charts charts;
    /** Runs whose curves are on the charts now. */
    private final Map<String, LiveRun> charted = new HashMap<>();

    public ChartsModel(Charts charts) {
        this.charts = charts;
    }

    public StringBinding smoothingText() {
        return smoothingText;
    }

    /** The ids of the runs on the charts (read-only; the frame pump feeds them). */
    public Set<String> charted() {
        return Collections.unmodifiableSet(charted.keySet());
    }

    /** Charts exactly the {@code selected} runs, each from its history on when it is new to the charts. */
    public void show(List<LiveRun> selected) {
        // remove and re-add rather than clear: a run keeps its colour for as long as the window lives
        for (String id : new ArrayList<>(charted.keySet())) {
            if (selected.stream().noneMatch(r -> r.handle.id().equals(id))) {
                charts.removeRun(id);
                charted.remove(id).unchart();
            }
        }
        for (LiveRun run : selected) {
            if (charted.putIfAbsent(run.handle.id(), run) == null) {
                charts.addRun(run.handle.id(), run.handle.name());
                charts.appendSteps(run.handle.id(), run.unchartedSteps(run.handle.history().steps()));
                charts.appendEpochs(run.handle.id(), run.unchartedEpochs(run.handle.history().epochs()));
            }
        }
    }

    /** Takes a run off the charts (it was replaced or deleted); false if it was not on them. */
    public boolean drop(String runId) {
        if (charted.remove(runId) == null) {
            return false;
        }
        charts.removeRun(runId);
        return true;
    }
}
