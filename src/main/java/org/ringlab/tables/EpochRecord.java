package org.ringlab.tables;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a run's metrics.csv: the epoch, the step it ended at, and every other column as a
 * number, NaN where the cell was empty (the snapped accuracies of an FP32 run).
 */
public record EpochRecord(int epoch, long step, Map<String, Double> values) {
    public EpochRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The metric's value, NaN when the run did not record it. */
    public double value(String metric) {
        return values.getOrDefault(metric, Double.NaN);
    }
}
