package org.ringlab.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ringlab.train.StepMetrics;

/**
 * A per-step metric across the runs of a seed group: each run's curve smoothed on its own (as the
 * window smooths it), then averaged over the runs step by step. Only steps every run recorded are
 * kept, and a long run is thinned to {@link StepCurve#MAX_POINTS} points after smoothing.
 */
final class StepStatistics {

    /**
     * @param x the position in epochs: epoch e's step i of n sits at e − 1 + i/n
     * @param stats mean, spread and extremes over the runs (its epoch field is unused, 0)
     */
    record Point(double x, EpochStatistics.Point stats) {
    }

    private StepStatistics() {
    }

    /** Empty when a run has no per-step records (one recorded before steps.csv existed). */
    static List<Point> of(List<RunData> runs, Metric metric, StepCurve curve) {
        TreeMap<Integer, List<Double>> byStep = new TreeMap<>();
        TreeMap<Integer, Double> xs = new TreeMap<>();
        for (RunData run : runs) {
            if (run.steps().isEmpty()) {
                return List.of();
            }
            Ema ema = new Ema(metric.smoothed() ? curve.smoothing() : 0);
            for (StepMetrics s : run.steps()) {
                double v = ema.next(metric.ofStep(s));
                if (Double.isFinite(v)) {
                    byStep.computeIfAbsent(s.step(), k -> new ArrayList<>()).add(v);
                    xs.putIfAbsent(s.step(), s.epoch() - 1 + (double) s.stepInEpoch() / Math.max(1, s.stepsPerEpoch()));
                }
            }
        }
        List<Point> points = new ArrayList<>();
        byStep.forEach((step, values) -> {
            if (values.size() == runs.size()) {
                points.add(new Point(xs.get(step), EpochStatistics.point(0, values)));
            }
        });
        return thin(points);
    }

    /** Every k-th point and the last, so that a long run stays a small file. */
    private static List<Point> thin(List<Point> points) {
        int stride = (points.size() + StepCurve.MAX_POINTS - 1) / StepCurve.MAX_POINTS;
        if (stride <= 1) {
            return points;
        }
        List<Point> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i += stride) {
            kept.add(points.get(i));
        }
        if (!kept.get(kept.size() - 1).equals(points.get(points.size() - 1))) {
            kept.add(points.get(points.size() - 1));
        }
        return kept;
    }
}
