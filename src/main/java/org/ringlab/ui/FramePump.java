package org.ringlab.ui;

import java.util.Set;
import java.util.function.LongConsumer;
import org.ringlab.train.Failures;
import org.ringlab.ui.charts.MetricsCharts;
import org.ringlab.ui.pacing.FrameTicker;
import org.ringlab.ui.runcontrol.RunControlModel;
import org.ringlab.ui.runlist.RunsModel;

/**
 * Ten times a second, moves whatever the runs reported (their {@link EventInbox}es) into the charts,
 * the runs list, the progress and status line and the timeline, then lets the shell poll the
 * service and redraw the controls. A burst of events costs one redraw. A {@link FrameTicker}, not an
 * AnimationTimer: while an AnimationTimer runs JavaFX redraws 60 times a second, which a window
 * drawn in software pays for with the training's CPU.
 */
final class FramePump {
    /** How often the runs' events reach the screen: the charts redraw at most this often. */
    static final double FRAMES_PER_SECOND = 10;

    private final RunsModel runs;
    private final Set<String> charted;
    private final MetricsCharts charts;
    private final RunControlModel control;
    private final TimelinePresenter timelinePresenter;
    private final LongConsumer pollService;
    private final Runnable updateControls;
    private final MessageBar messages;

    FramePump(RunsModel runs, Set<String> charted, MetricsCharts charts, RunControlModel control,
            TimelinePresenter timelinePresenter, LongConsumer pollService, Runnable updateControls,
            MessageBar messages) {
        this.runs = runs;
        this.charted = charted;
        this.charts = charts;
        this.control = control;
        this.timelinePresenter = timelinePresenter;
        this.pollService = pollService;
        this.updateControls = updateControls;
        this.messages = messages;
    }

    void start() {
        new FrameTicker(FRAMES_PER_SECOND, this::handle).start();
    }

    private void handle(long now) {
        try {
            onFrame(now);
        } catch (RuntimeException e) {
            // a drawing bug must not stop the frame loop: say so and keep going
            messages.say("display error: " + Failures.describe(e));
        }
    }

    private void onFrame(long now) {
        LiveRun current = runs.current.get();
        boolean snapshotsArrived = false;
        for (LiveRun run : runs.all()) {
            EventInbox.Batch batch = run.inbox.drain();
            if (batch.isEmpty()) {
                continue;
            }
            if (charted.contains(run.handle.id())) {
                charts.appendSteps(run.handle.id(), run.unchartedSteps(batch.steps()));
                charts.appendEpochs(run.handle.id(), run.unchartedEpochs(batch.epochs()));
            }
            if (!batch.epochs().isEmpty()) {
                run.lastEpoch = batch.epochs().get(batch.epochs().size() - 1);
            }
            if (!batch.steps().isEmpty()) {
                var last = batch.steps().get(batch.steps().size() - 1);
                run.progressFraction = run.progress.fraction(last);
                run.progressText = run.progress.describe(last, run.handle.config().batchSize(), now);
            }
            if (run.addSnapshots(batch.snapshots())) {
                snapshotsArrived |= run == current;
            }
            if (batch.status() != null || !batch.epochs().isEmpty()) {
                runs.redraw();
            }
        }
        pollService.accept(now);
        if (current != null) {
            control.showProgress(current.progressFraction, current.progressText());
            control.showStatus(current.handle.status(), current.handle.statusMessage());
            if (snapshotsArrived) {
                timelinePresenter.snapshotsArrived();
            }
        }
        updateControls.run();
    }
}
