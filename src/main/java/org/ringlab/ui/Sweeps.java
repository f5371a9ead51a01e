package org.ringlab.ui;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.ui.compare.ComparisonWindow;
import org.ringlab.ui.runlist.RunsModel;

/**
 * The Compare window (finished runs side by side, and sweeps) and the sweeps sent to a cluster:
 * runs a sweep queues or a cluster reports join the runs list.
 */
final class Sweeps implements AutoCloseable {
    private final ServiceCalls calls;
    private final Supplier<TrainingService> service;
    private final Supplier<RunConfig> setup;
    private final PastRuns pastRuns;
    private final RunsModel runs;
    private final MessageBar messages;
    private ComparisonWindow comparison;
    /** Sweeps sent to a cluster over SSH; null without a workspace store. */
    private ClusterRuns clusterRuns;

    Sweeps(ServiceCalls calls, Supplier<TrainingService> service, Supplier<RunConfig> setup, PastRuns pastRuns,
            RunsModel runs, MessageBar messages) {
        this.calls = calls;
        this.service = service;
        this.setup = setup;
        this.pastRuns = pastRuns;
        this.runs = runs;
        this.messages = messages;
    }

    /** Follows the workspace's cluster sweeps again (none without a workspace store). */
    void followClusters() {
        if (pastRuns == null) {
            return;
        }
        clusterRuns = new ClusterRuns(new org.ringlab.cluster.ClusterSweeps(pastRuns.workspace(),
                pastRuns.runsImport(), ClusterRuns.interval()), pastRuns, clusterView(), calls);
        clusterRuns.resume();
    }

    void showComparison(Window owner) {
        if (comparison == null) {
            comparison = new ComparisonWindow(service.get(), calls, setup, new org.ringlab.train.DataSetProbe(),
                    runs::adopt);
            if (pastRuns != null) {
                comparison.compareWorkspace(new org.ringlab.ui.compare.WorkspaceRuns(pastRuns.store()));
            }
            if (clusterRuns != null) {
                comparison.sweepDialog().sendWith(clusterRuns);
                clusterRuns.copies().forEach(comparison::open);
            }
        }
        comparison.show(owner);
    }

    private ClusterRuns.View clusterView() {
        return new ClusterRuns.View() {
            @Override
            public void show(RunHandle run) {
                runs.showCluster(run);
            }

            @Override
            public void copied(Path folder) {
                if (comparison != null) {
                    comparison.open(folder);
                }
            }

            @Override
            public void note(String message) {
                messages.say(message);
            }
        };
    }

    /** Stops following cluster sweeps (they run on under Slurm) and closes their SSH connections. */
    @Override
    public void close() {
        if (clusterRuns != null) {
            clusterRuns.close();
        }
    }
}
