package org.ringlab.tables;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringlab.train.EpochMetrics;

/**
 * One line of a run's metrics.csv: the epoch, the step it ended at, and every other column as a
 * number, NaN where the cell was empty (the snapped accuracies of an FP32 run).
 */
public record EpochRecord(int epoch, long step, Map<String, Double> values) {
    /** The metric columns of a metrics.csv that RingLab writes, epoch and step excluded. */
    static final List<String> METRICS = List.of("train_loss", "train_acc", "test_acc_soft", "test_acc_snapped",
            "test_acc_snapped_bn", "lr", "images_per_s", "seconds", "elapsed_s");

    public EpochRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** An epoch as a run store or a trainer reports it, under the column names of metrics.csv. */
    static EpochRecord of(EpochMetrics m) {
        double[] values = {m.trainLoss(), m.trainAcc(), m.testAccSoft(), m.testAccSnapped(), m.testAccSnappedBn(),
            m.lr(), m.imagesPerSecond(), m.seconds(), m.elapsedSeconds()};
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            named.put(METRICS.get(i), values[i]);
        }
        return new EpochRecord(m.epoch(), m.step(), named);
    }

    /** The metric's value, NaN when the run did not record it. */
    public double value(String metric) {
        return values.getOrDefault(metric, Double.NaN);
    }
}
