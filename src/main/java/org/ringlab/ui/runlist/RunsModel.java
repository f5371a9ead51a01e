package org.ringlab.ui.runlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ringlab.service.RunHandle;
import org.ringlab.ui.LiveRun;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.PastRuns;
import org.ringlab.ui.ServiceCalls;
import org.ringlab.ui.chartspane.ChartsModel;

/**
 * The runs list: every run this window knows (started here, queued by a sweep, recorded in the
 * workspace, imported from a cluster), which are selected (their curves are charted) and which
 * one is current (the controls, the progress and the ring view follow it). What can be done to
 * the selected runs is {@link RunActions}.
 */
public final class RunsModel {
    /** The lane of the workspace store's reads and deletes. */
    static final String STORE = "store";

    /** The run the controls and the ring view follow: the last one selected or started. */
    public final ObjectProperty<LiveRun> current = new SimpleObjectProperty<>();
    private final ObservableList<LiveRun> items = FXCollections.observableArrayList();
    private final Map<String, LiveRun> byId = new LinkedHashMap<>();
    private final List<LiveRun> selection = new ArrayList<>();
    private final ServiceCalls calls;
    private final PastRuns pastRuns;
    private final ChartsModel charts;
    private final MessageBar messages;
    /** How runs get selected: the pane's list view does it; without a pane, this model itself. */
    private Selector selector = new Selector() {
        @Override
        public void only(LiveRun run) {
            select(List.of(run));
        }

        @Override
        public void add(LiveRun run) {
            List<LiveRun> more = new ArrayList<>(selection);
            more.add(run);
            select(more);
        }
    };
    private Runnable redraw = () -> { };

    /** Selects in the list view, which then reports the whole selection through {@link #select}. */
    interface Selector {
        void only(LiveRun run);

        void add(LiveRun run);
    }

    /** @param pastRuns the workspace's recorded runs; null for none */
    public RunsModel(ServiceCalls calls, PastRuns pastRuns, ChartsModel charts, MessageBar messages) {
        this.calls = calls;
        this.pastRuns = pastRuns;
        this.charts = charts;
        this.messages = messages;
    }

    /** The runs in list order (the pane shows this list). */
    public ObservableList<LiveRun> items() {
        return items;
    }

    /** Every run, for the frame pump to drain. */
    public Collection<LiveRun> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public List<LiveRun> selection() {
        return Collections.unmodifiableList(selection);
    }

    /** How the list view selects runs and redraws its rows (the pane calls this once). */
    void attach(Selector selector, Runnable redraw) {
        this.selector = selector;
        this.redraw = redraw;
    }

    /** Redraws the rows (a status or an epoch changed). */
    public void redraw() {
        redraw.run();
    }

    /**
     * The selection changed: chart exactly the selected runs and follow the last one. An empty
     * selection changes nothing (it passes by while a run is selected anew).
     */
    public void select(List<LiveRun> selected) {
        selection.clear();
        selection.addAll(selected);
        if (!selected.isEmpty()) {
            charts.show(selected);
            LiveRun focus = selected.get(selected.size() - 1);
            if (focus != current.get()) {
                focus.addSnapshots(focus.handle.history().snapshots());
                current.set(focus);
            }
        }
    }

    /** A run started from this window: listed, current and the only one selected. */
    public void started(RunHandle handle) {
        LiveRun run = add(handle);
        current.set(run);
        selector.only(run);
    }

    /** A run queued elsewhere (a sweep) appears in the list like one started here. */
    public void adopt(RunHandle handle) {
        add(handle);
    }

    private LiveRun add(RunHandle handle) {
        LiveRun run = new LiveRun(handle);
        byId.put(handle.id(), run);
        items.add(run);
        return run;
    }

    /** A cluster run imported again: listed once, replaced (keeping its place and selection) as it moves on. */
    public void showCluster(RunHandle handle) {
        LiveRun run = new LiveRun(handle);
        LiveRun old = byId.put(handle.id(), run);
        int index = items.indexOf(old);
        if (old == null || index < 0) {
            items.add(run);
            return;
        }
        boolean wasSelected = selection.contains(old);
        charts.drop(handle.id());
        items.set(index, run);
        if (wasSelected) {
            selection.remove(old);
            selector.add(run);
        }
    }

    /** Lists the workspace's recorded runs (read off the JavaFX thread) before those of this session. */
    public void loadPast() {
        if (pastRuns == null) {
            return;
        }
        calls.call(STORE, pastRuns::load, past -> {
            List<LiveRun> opened = new ArrayList<>();
            for (RunHandle handle : past) {
                if (!byId.containsKey(handle.id())) {
                    LiveRun run = new LiveRun(handle);
                    byId.put(handle.id(), run);
                    opened.add(run);
                }
            }
            items.addAll(0, opened);
            if (!opened.isEmpty()) {
                messages.say(opened.size() + " past run(s) from " + pastRuns.location());
            }
        }, error -> messages.fail("past runs", error));
    }

    /** Puts a resumed run in the place of {@code old} and makes it current and the only one selected. */
    LiveRun replace(LiveRun old, RunHandle handle) {
        LiveRun run = new LiveRun(handle);
        int index = items.indexOf(old);
        byId.put(handle.id(), run);
        charts.drop(handle.id());
        if (index >= 0) {
            items.set(index, run);
        } else {
            items.add(run);
        }
        current.set(run);
        selector.only(run);
        return run;
    }

    /** Takes a deleted run off the list and the charts. */
    void remove(LiveRun run) {
        byId.remove(run.handle.id());
        charts.drop(run.handle.id());
        items.remove(run);
        selection.remove(run);
        if (current.get() == run) {
            current.set(null);
        }
    }
}
