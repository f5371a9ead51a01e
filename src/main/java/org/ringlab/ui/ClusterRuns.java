package org.ringlab.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.ringlab.cluster.ClusterSweep;
import org.ringlab.cluster.ClusterSweepRequest;
import org.ringlab.cluster.ClusterSweeps;
import org.ringlab.cluster.SshTarget;
import org.ringlab.cluster.SweepStatus;
import org.ringlab.service.RunHandle;
import org.ringlab.train.Failures;
import org.ringlab.ui.compare.ClusterSender;

/**
 * The window's side of sweeps on a cluster: sends them ({@link ClusterSender}), follows them on
 * background threads, and hands the JavaFX thread runs already read from the store, never waiting
 * on the network there. Sweeps the workspace recorded are followed again when the window opens;
 * closing the window stops the following only: Slurm goes on.
 */
final class ClusterRuns implements ClusterSender, AutoCloseable {
    /** Time between two polls of a sweep ({@code -Dringlab.cluster.poll-seconds}, default 20). */
    static Duration interval() {
        return Duration.ofSeconds(Long.getLong("ringlab.cluster.poll-seconds", 20));
    }

    /** Where the runs go, all on the JavaFX thread. */
    interface View {
        /** A run appeared or moved on: list it, or replace the one with its id. */
        void show(RunHandle run);

        /** The local copy of a sweep, for the Compare window. */
        void copied(Path folder);

        void note(String message);
    }

    private final ClusterSweeps sweeps;
    private final PastRuns store;
    private final View view;
    private final ServiceCalls calls;
    /** Per run id, Slurm's words at the last poll: a run is read again only when they change. */
    private final Map<Long, String> shown = new HashMap<>();
    private final List<Path> copies = new ArrayList<>();

    /** @param calls where SSH is spoken, off the JavaFX thread */
    ClusterRuns(ClusterSweeps sweeps, PastRuns store, View view, ServiceCalls calls) {
        this.sweeps = sweeps;
        this.store = store;
        this.view = view;
        this.calls = calls;
    }

    /** Follows again the sweeps the workspace recorded that had not ended. Call once, at start. */
    @SuppressWarnings("FutureReturnValueIgnored") // the background calls report their own failures in whenComplete
    void resume() {
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        calls.call("cluster-resume", () -> sweeps.resumeAll(listener(), problems), open -> {
            problems.forEach(view::note);
            if (!open.isEmpty()) {
                view.note("following " + open.size() + " sweep(s) on a cluster again");
            }
        }, error -> view.note("cluster sweeps: " + Failures.describe(error).replace('\n', ' ')));
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // failures are reported to done in whenComplete
    public void send(SshTarget target, ClusterSweepRequest request, Path mounted, Consumer<String> done) {
        calls.call("cluster-send", () -> sweeps.submit(target, request, mounted), sweep -> {
            view.note("job " + sweep.job() + " submitted on " + target + "; following " + request.remoteDir());
            done.accept(null);
            sweeps.follow(sweep, listener());
        }, error -> done.accept(Failures.describe(error)));
    }

    /** Local copies of the sweeps followed so far (the Compare window opens them). */
    synchronized List<Path> copies() {
        return List.copyOf(copies);
    }

    private ClusterSweeps.Listener listener() {
        return new ClusterSweeps.Listener() {
            @Override
            public void progressed(ClusterSweep sweep, SweepStatus status, Map<String, Long> imported) {
                // read the runs that moved on here, on the follower's thread; the JavaFX thread only lists them
                List<RunHandle> changed = new ArrayList<>();
                for (SweepStatus.Run run : status.runs()) {
                    Long id = imported.get(run.name());
                    if (id != null && !run.describe().equals(shownAs(id))) {
                        changed.add(new ClusterRunHandle(store.open(id), run.details()));
                        remember(id, run.describe());
                    }
                }
                boolean first;
                synchronized (ClusterRuns.this) {
                    first = !copies.contains(sweep.runsFolder());
                    if (first) {
                        copies.add(sweep.runsFolder());
                    }
                }
                Platform.runLater(() -> {
                    changed.forEach(view::show);
                    if (first) {
                        view.copied(sweep.runsFolder());
                    }
                    view.note("cluster sweep " + sweep.key() + ": " + status.summary());
                });
            }

            @Override
            public void failed(ClusterSweep sweep, String message) {
                Platform.runLater(() -> view.note("cluster sweep " + sweep.key() + ": " + message + " (trying again)"));
            }

            @Override
            public void ended(ClusterSweep sweep, SweepStatus status) {
                Platform.runLater(() -> view.note("cluster sweep " + sweep.key() + " ended: " + status.summary()));
            }
        };
    }

    private synchronized String shownAs(long id) {
        return shown.get(id);
    }

    private synchronized void remember(long id, String words) {
        shown.put(id, words);
    }

    @Override
    public void close() {
        sweeps.close();
    }
}
