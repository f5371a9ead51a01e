package org.ringlab.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.ringlab.figures.Ema;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;

/** Everything one run draws: its curves on the four charts and what they are computed from. */
final class RunSeries {

    final String label;
    final Color colour;
    final DrawnSeries lossRaw;
    final DrawnSeries lossSmoothed;
    final DrawnSeries trainAccuracyRaw;
    final DrawnSeries trainAccuracySmoothed;
    final DrawnSeries testSoft;
    final DrawnSeries testSnapped;
    final DrawnSeries testSnappedBn;
    final DrawnSeries learningRate;
    final DrawnSeries gapSoft;
    final DrawnSeries gapBn;

    private final StepHistory history = new StepHistory();
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private Ema lossEma;
    private Ema accuracyEma;
    private double smoothing;
    private ChartXAxis xAxis;

    RunSeries(String label, Color colour, int runIndex, double smoothing, ChartXAxis xAxis, int maxPoints) {
        this.label = label;
        this.colour = colour;
        this.xAxis = xAxis;
        this.smoothing = smoothing;
        lossRaw = new DrawnSeries(label + " (raw)", SeriesStroke.RAW.css(colour), maxPoints);
        lossSmoothed = new DrawnSeries(label, SeriesStroke.MAIN.css(colour), maxPoints);
        trainAccuracyRaw = new DrawnSeries(label + " train (raw)", AccuracyMetric.rawTrainCss(runIndex), maxPoints);
        trainAccuracySmoothed = new DrawnSeries(label + " train", AccuracyMetric.TRAIN.css(runIndex), maxPoints);
        testSoft = new DrawnSeries(label + " test soft", AccuracyMetric.SOFT.css(runIndex), maxPoints);
        testSnapped = new DrawnSeries(label + " test snapped", AccuracyMetric.SNAPPED.css(runIndex), maxPoints);
        testSnappedBn = new DrawnSeries(label + " test snapped + BN", AccuracyMetric.SNAPPED_BN.css(runIndex),
                maxPoints);
        learningRate = new DrawnSeries(label, SeriesStroke.MAIN.css(colour), maxPoints);
        gapSoft = new DrawnSeries(label + " soft − snapped", SeriesStroke.SOFT.css(colour), maxPoints);
        gapBn = new DrawnSeries(label + " snapped + BN − snapped", SeriesStroke.SNAPPED_BN.css(colour), maxPoints);
        lossEma = new Ema(smoothing);
        accuracyEma = new Ema(smoothing);
    }

    void appendSteps(List<StepMetrics> steps) {
        if (steps.isEmpty()) {
            return; // nothing new: republishing would make ChartFX redraw the charts for nothing
        }
        int last = history.size() == 0 ? Integer.MIN_VALUE : history.step(history.size() - 1);
        requireRising(last, steps.stream().mapToInt(StepMetrics::step).toArray());
        for (StepMetrics m : steps) {
            history.add(m);
            addStep(history.size() - 1);
        }
        publishSteps();
    }

    /** Epoch figures sit at the epoch's last step (or at the epoch); NaN ones are left out. */
    void appendEpochs(List<EpochMetrics> more) {
        if (more.isEmpty()) {
            return;
        }
        int last = epochs.isEmpty() ? Integer.MIN_VALUE : epochs.get(epochs.size() - 1).step();
        requireRising(last, more.stream().mapToInt(EpochMetrics::step).toArray());
        for (EpochMetrics m : more) {
            epochs.add(m);
            addEpoch(m);
        }
        publishEpochs();
    }

    /** Redraws every curve against another x-axis; a user's switch, not a per-frame cost. */
    void setXAxis(ChartXAxis axis) {
        if (axis == xAxis) {
            return;
        }
        xAxis = axis;
        for (DrawnSeries s : List.of(lossRaw, trainAccuracyRaw, learningRate)) {
            s.clear();
        }
        resmooth(smoothing);
        for (int i = 0; i < history.size(); i++) {
            double x = stepX(i);
            lossRaw.add(x, history.loss(i));
            trainAccuracyRaw.add(x, history.accuracy(i));
            learningRate.add(x, history.lr(i));
        }
        lossRaw.publish();
        trainAccuracyRaw.publish();
        learningRate.publish();
        for (DrawnSeries s : List.of(testSoft, testSnapped, testSnappedBn, gapSoft, gapBn)) {
            s.clear();
        }
        epochs.forEach(this::addEpoch);
        publishEpochs();
    }

    /** The x of a step on the current axis, or NaN if this run has no record at or before it. */
    double xOfStep(int step) {
        if (xAxis == ChartXAxis.STEP) {
            return step;
        }
        int i = history.indexAtOrBefore(step);
        return i < 0 ? Double.NaN : history.epochX(i);
    }

    /** The steps on the loss curve, in order. */
    int[] steps() {
        int[] out = new int[history.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = history.step(i);
        }
        return out;
    }

    /** The steps at which epoch points were drawn, in order. */
    int[] epochSteps() {
        return epochs.stream().mapToInt(EpochMetrics::step).toArray();
    }

    List<EpochMetrics> epochs() {
        return List.copyOf(epochs);
    }

    /** Every step record held, rebuilt (in float precision) for a figure. */
    List<StepMetrics> stepRecords() {
        List<StepMetrics> out = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            out.add(history.metrics(i));
        }
        return out;
    }

    /** Recomputes both smoothed curves from the full-resolution history with a new weight. */
    void resmooth(double weight) {
        smoothing = weight;
        lossEma = new Ema(weight);
        accuracyEma = new Ema(weight);
        lossSmoothed.clear();
        trainAccuracySmoothed.clear();
        for (int i = 0; i < history.size(); i++) {
            smooth(i);
        }
        lossSmoothed.publish();
        trainAccuracySmoothed.publish();
    }

    private double stepX(int i) {
        return xAxis == ChartXAxis.STEP ? history.step(i) : history.epochX(i);
    }

    private void addStep(int i) {
        double x = stepX(i);
        lossRaw.add(x, history.loss(i));
        trainAccuracyRaw.add(x, history.accuracy(i));
        learningRate.add(x, history.lr(i));
        smooth(i);
    }

    private void addEpoch(EpochMetrics m) {
        double x = xAxis == ChartXAxis.STEP ? m.step() : m.epoch();
        testSoft.add(x, m.testAccSoft());
        testSnapped.add(x, m.testAccSnapped());
        testSnappedBn.add(x, m.testAccSnappedBn());
        QuantizationGap gap = QuantizationGap.of(m);
        gapSoft.add(x, gap.softMinusSnapped());
        gapBn.add(x, gap.bnMinusSnapped());
    }

    private void publishSteps() {
        lossRaw.publish();
        trainAccuracyRaw.publish();
        learningRate.publish();
        lossSmoothed.publish();
        trainAccuracySmoothed.publish();
    }

    private void publishEpochs() {
        testSoft.publish();
        testSnapped.publish();
        testSnappedBn.publish();
        gapSoft.publish();
        gapBn.publish();
    }

    /** Checked before anything is appended, so a bad batch leaves the curves as they were. */
    private static void requireRising(int lastAppended, int[] steps) {
        int previous = lastAppended;
        for (int step : steps) {
            if (step < previous) {
                throw new IllegalArgumentException("steps must not go back: step " + step + " after " + previous);
            }
            previous = step;
        }
    }

    // Live appends and re-smoothing both read the history's floats, so a curve comes out the same
    // whichever way it was computed.
    private void smooth(int i) {
        double x = stepX(i);
        lossSmoothed.add(x, lossEma.next(history.loss(i)));
        trainAccuracySmoothed.add(x, accuracyEma.next(history.accuracy(i)));
    }
}
