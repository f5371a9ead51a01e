package org.ringlab.ui;

import java.util.ArrayList;
import java.util.List;
import org.ringlab.service.RunHandle;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.StepMetrics;

/**
 * The UI's view of one run: the handle, the inbox its events land in, and what has been drawn so
 * far. Touched only on the JavaFX thread (the inbox is the one thread-safe hand-over).
 */
public final class LiveRun {
    public final RunHandle handle;
    final EventInbox inbox = new EventInbox();
    final List<PositionSnapshot> snapshots = new ArrayList<>();
    final Progress progress;
    EpochMetrics lastEpoch;
    String progressText = "";
    double progressFraction;
    // what the charts and the timeline already hold: the inbox and the history overlap, and the
    // charts refuse steps that go backwards
    private int chartedStep;
    /** -1: epoch 0 (the network an init-from run starts with) is charted too. */
    private int chartedEpoch = -1;
    private int snapshotStep = -1;

    public LiveRun(RunHandle handle) {
        this.handle = handle;
        this.progress = new Progress(handle.config().epochs());
        // events from now on go to the inbox; what happened before is in the history
        handle.addListener(inbox);
        addSnapshots(handle.history().snapshots());
        List<EpochMetrics> epochs = handle.history().epochs();
        lastEpoch = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** The steps not yet on the charts. */
    public List<StepMetrics> unchartedSteps(List<StepMetrics> steps) {
        List<StepMetrics> out = new ArrayList<>();
        for (StepMetrics s : steps) {
            if (s.step() > chartedStep) {
                out.add(s);
                chartedStep = s.step();
            }
        }
        return out;
    }

    /** The epochs not yet on the charts. */
    public List<EpochMetrics> unchartedEpochs(List<EpochMetrics> epochs) {
        List<EpochMetrics> out = new ArrayList<>();
        for (EpochMetrics e : epochs) {
            if (e.epoch() > chartedEpoch) {
                out.add(e);
                chartedEpoch = e.epoch();
            }
        }
        return out;
    }

    /** The charts dropped this run: the next chart starts from the history again. */
    public void unchart() {
        chartedStep = 0;
        chartedEpoch = -1;
    }

    /** Adds snapshots newer than the last one held; returns whether any was new. */
    public boolean addSnapshots(List<PositionSnapshot> more) {
        boolean added = false;
        for (PositionSnapshot p : more) {
            if (p.step() > snapshotStep) {
                snapshots.add(p);
                snapshotStep = p.step();
                added = true;
            }
        }
        return added;
    }

    /** The progress line to show: throughput and time left only while the run trains (none after Stop). */
    public String progressText() {
        return handle.status() == org.ringlab.train.RunStatus.RUNNING ? progressText : progress.idle();
    }

    public String summary() {
        String figures = lastEpoch == null ? ""
                : Double.isNaN(lastEpoch.testAccSnapped())
                        ? String.format(" · %.2f%%", lastEpoch.testAccSoft())
                        : String.format(" · soft %.2f%% / snapped %.2f%%", lastEpoch.testAccSoft(),
                                lastEpoch.testAccSnapped());
        String slurm = handle instanceof ClusterRunHandle c && !c.slurm().isEmpty() ? " · " + c.slurm() : "";
        return handle.name() + " — " + handle.status().id() + figures + slurm;
    }
}
