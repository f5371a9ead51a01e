package org.ringlab.ui;

import java.util.Set;
import java.util.function.LongConsumer;
import org.ringlab.train.Failures;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.charts.MetricsCharts;
import org.ringlab.ui.pacing.DrawingBudget;
import org.ringlab.ui.pacing.DrawingCpuClock;
import org.ringlab.ui.pacing.FrameGate;
import org.ringlab.ui.pacing.FrameTicker;
import org.ringlab.ui.runcontrol.RunControlModel;
import org.ringlab.ui.runlist.RunsModel;

/**
 * Ten times a second, moves whatever the runs reported (their {@link EventInbox}es) into the charts,
 * the runs list, the progress and status line and the timeline, then lets the shell poll the
 * service and redraw the controls. A burst of events costs one redraw. A {@link FrameTicker}, not an
 * AnimationTimer: while an AnimationTimer runs JavaFX redraws 60 times a second, which a window
 * drawn in software pays for with the training's CPU.
 *
 * <p>While a run trains and the window is not in demo mode, frames also keep to a
 * {@link DrawingBudget}: drawing may take {@link #DRAWING_SHARE} of a core, so a frame that cost
 * more is followed later (the events wait in the inboxes and arrive together), and snapshots jump
 * instead of easing. A status change (a run started, stopped or ended) is shown at the next tick
 * whatever the budget says. In demo mode the picture matters more than training speed.
 */
final class FramePump {
    /** How often the runs' events reach the screen: the charts redraw at most this often. */
    static final double FRAMES_PER_SECOND = 10;

    /**
     * The share of one core that drawing may take while a run trains ({@code -Dringlab.drawingShare}
     * overrides it, for measurements): on a two-core laptop training with two threads, 5 % of a
     * core is 2.5 % of the machine.
     */
    static final double DRAWING_SHARE = drawingShare(System.getProperty("ringlab.drawingShare"));

    /** However much frames cost, the charts move at least this often while a run trains. */
    static final long LONGEST_WAIT_NANOS = 2_000_000_000L;

    private final RunsModel runs;
    private final Set<String> charted;
    private final MetricsCharts charts;
    private final RunControlModel control;
    private final TimelinePresenter timelinePresenter;
    private final LongConsumer pollService;
    private final Runnable updateControls;
    private final MessageBar messages;
    private volatile FrameGate gate = new FrameGate(null);

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

    /** The share asked for, or the default 5 % when it is missing or not a number in (0, 1]. */
    static double drawingShare(String asked) {
        try {
            double share = asked == null ? 0.05 : Double.parseDouble(asked);
            return share > 0 && share <= 1 ? share : 0.05;
        } catch (NumberFormatException e) {
            return 0.05;
        }
    }

    /** What keeps frames to the drawing budget, with its counts. */
    FrameGate gate() {
        return gate;
    }

    /** Call on the JavaFX thread. */
    void start() {
        DrawingCpuClock clock = new DrawingCpuClock();
        gate = new FrameGate(clock.supported() ? new DrawingBudget(DRAWING_SHARE, LONGEST_WAIT_NANOS, clock) : null);
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

    private boolean mayDraw(long now) {
        boolean training = false;
        boolean statusChanged = false;
        for (LiveRun run : runs.all()) {
            training |= run.handle.status() == RunStatus.RUNNING;
            statusChanged |= run.inbox.hasStatusChange();
        }
        return gate.mayDraw(now, training, control.demo.get(), statusChanged);
    }

    private void onFrame(long now) {
        if (!mayDraw(now)) {
            return;
        }
        LiveRun current = runs.current.get();
        boolean snapshotsArrived = false;
        boolean currentStatusChanged = false;
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
            currentStatusChanged |= run == current && batch.status() != null;
        }
        pollService.accept(now);
        if (current != null) {
            control.showProgress(current.progressFraction, current.progressText());
            control.showStatus(current.handle.status(), current.handle.statusMessage());
            if (snapshotsArrived) {
                timelinePresenter.snapshotsArrived(!gate.budgeted());
            } else if (currentStatusChanged) {
                timelinePresenter.statusChanged();
            }
        }
        updateControls.run();
    }
}
