package org.ringlab.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ringlab.train.EpochMetrics;

/**
 * One metric across the runs of a seed group, epoch by epoch. Only epochs every run reached with a
 * value are kept, so that each point averages the same runs and a run that stopped early does not
 * make the mean jump.
 */
public final class EpochStatistics {

    /**
     * @param std the sample standard deviation (n − 1), 0 for a single run
     */
    public record Point(int epoch, double mean, double std, double min, double max, int runs) {
    }

    private EpochStatistics() {
    }

    public static List<Point> of(List<RunData> runs, Metric metric) {
        TreeMap<Integer, List<Double>> byEpoch = new TreeMap<>();
        for (RunData run : runs) {
            for (EpochMetrics e : run.epochs()) {
                double v = metric.of(e);
                if (Double.isFinite(v)) {
                    byEpoch.computeIfAbsent(e.epoch(), k -> new ArrayList<>()).add(v);
                }
            }
        }
        List<Point> points = new ArrayList<>();
        byEpoch.forEach((epoch, values) -> {
            if (values.size() == runs.size()) {
                points.add(point(epoch, values));
            }
        });
        return points;
    }

    static Point point(int epoch, List<Double> values) {
        int n = values.size();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Point(epoch, mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, min, max, n);
    }
}
