package org.ringlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.cluster.RunsImport;
import org.ringlab.service.RunHandle;
import org.ringlab.service.StoredRunHandle;
import org.ringlab.store.RunStore;
import org.ringlab.store.RunSummary;

/**
 * The runs recorded in the workspace's store before this window opened: listed at start, opened
 * as read-only handles, deleted on request. Reads go through their own connection; the worker
 * that trains writes through its own.
 */
public final class PastRuns implements AutoCloseable {
    /** At most this many runs are opened at start (newest first); older ones stay in the store. */
    static final int OPEN_AT_START = 40;
    /** Steps per run kept for the charts; the store keeps them all. */
    private static final int STEPS_PER_RUN = 4000;

    private final RunStore store;
    private final RunsImport runsImport;

    public PastRuns(RunStore store) {
        this(store, null);
    }

    /**
     * @param runsImport brings the run folders copied from a cluster into {@code store}; null lists
     *     a cluster sweep's runs in Compare only (from their copies), not in the runs list
     */
    public PastRuns(RunStore store, RunsImport runsImport) {
        this.store = store;
        this.runsImport = runsImport;
    }

    /** The newest runs, oldest first (the order the window lists runs in). Call off the JavaFX thread. */
    public List<RunHandle> load() {
        // a damaged row (unknown status, unreadable date) cannot be opened; the others still are
        List<RunSummary> summaries = store.listRuns().stream().filter(RunSummary::isReadable).toList();
        List<RunHandle> out = new ArrayList<>();
        for (RunSummary s : summaries.subList(0, Math.min(OPEN_AT_START, summaries.size()))) {
            out.add(0, new StoredRunHandle(store.load(s.id(), STEPS_PER_RUN)));
        }
        return out;
    }

    /** One run as the store holds it now. Call off the JavaFX thread. */
    RunHandle open(long id) {
        return new StoredRunHandle(store.load(id, STEPS_PER_RUN));
    }

    /** The store's read connection (Compare reads every run through it). Call its methods off the JavaFX thread. */
    RunStore store() {
        return store;
    }

    Path workspace() {
        return store.workspace();
    }

    /** How a sweep's copied run folders enter this store; null for none. */
    RunsImport runsImport() {
        return runsImport;
    }

    /** Deletes a run's rows and folder; a run still training in a live process is refused. */
    public void delete(String id) {
        store.deleteRun(Long.parseLong(id));
    }

    public String location() {
        return store.workspace().toString();
    }

    @Override
    public void close() {
        store.close();
    }
}
