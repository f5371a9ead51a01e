package org.ringlab.ui.charts;

import java.util.List;
import javafx.scene.paint.Color;
import org.ringlab.figures.Ema;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;

/** Everything one run draws: its curves on the three charts and what they are computed from. */
final class RunSeries {

    final DrawnSeries lossRaw;
    final DrawnSeries lossSmoothed;
    final DrawnSeries trainAccuracyRaw;
    final DrawnSeries trainAccuracySmoothed;
    final DrawnSeries testSoft;
    final DrawnSeries testSnapped;
    final DrawnSeries testSnappedBn;
    final DrawnSeries learningRate;

    private final StepHistory history = new StepHistory();
    private Ema lossEma;
    private Ema accuracyEma;
    private int lastEpochStep = Integer.MIN_VALUE;
    private final java.util.List<Integer> epochSteps = new java.util.ArrayList<>();

    RunSeries(String label, Color colour, double smoothing, int maxPoints) {
        lossRaw = new DrawnSeries(label + " (raw)", SeriesStroke.RAW, colour, maxPoints);
        lossSmoothed = new DrawnSeries(label, SeriesStroke.MAIN, colour, maxPoints);
        trainAccuracyRaw = new DrawnSeries(label + " train (raw)", SeriesStroke.RAW, colour, maxPoints);
        trainAccuracySmoothed = new DrawnSeries(label + " train", SeriesStroke.TRAIN, colour, maxPoints);
        testSoft = new DrawnSeries(label + " test soft", SeriesStroke.SOFT, colour, maxPoints);
        testSnapped = new DrawnSeries(label + " test snapped", SeriesStroke.SNAPPED, colour, maxPoints);
        testSnappedBn = new DrawnSeries(label + " test snapped + BN", SeriesStroke.SNAPPED_BN, colour, maxPoints);
        learningRate = new DrawnSeries(label, SeriesStroke.MAIN, colour, maxPoints);
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
            history.add(m.step(), m.loss(), m.accuracy());
            lossRaw.add(m.step(), m.loss());
            trainAccuracyRaw.add(m.step(), m.accuracy());
            learningRate.add(m.step(), m.lr());
            smooth(history.size() - 1);
        }
        lossRaw.publish();
        trainAccuracyRaw.publish();
        learningRate.publish();
        lossSmoothed.publish();
        trainAccuracySmoothed.publish();
    }

    /** Epoch figures sit at the epoch's last step; NaN ones (nothing snapped in FP32) are left out. */
    void appendEpochs(List<EpochMetrics> epochs) {
        if (epochs.isEmpty()) {
            return;
        }
        requireRising(lastEpochStep, epochs.stream().mapToInt(EpochMetrics::step).toArray());
        for (EpochMetrics m : epochs) {
            lastEpochStep = m.step();
            epochSteps.add(m.step());
            testSoft.add(m.step(), m.testAccSoft());
            testSnapped.add(m.step(), m.testAccSnapped());
            testSnappedBn.add(m.step(), m.testAccSnappedBn());
        }
        testSoft.publish();
        testSnapped.publish();
        testSnappedBn.publish();
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
        return epochSteps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Recomputes both smoothed curves from the full-resolution history with a new weight. */
    void resmooth(double weight) {
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
        lossSmoothed.add(history.step(i), lossEma.next(history.loss(i)));
        trainAccuracySmoothed.add(history.step(i), accuracyEma.next(history.accuracy(i)));
    }
}
