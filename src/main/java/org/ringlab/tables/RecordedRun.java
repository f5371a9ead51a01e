package org.ringlab.tables;

import java.nio.file.Path;
import java.util.List;
import org.ringlab.config.RunConfig;

/**
 * What one run directory holds, read back: its configuration, its last recorded status and its
 * metrics, epoch by epoch.
 *
 * @param name the directory's own name, which identifies the run in every table
 * @param metrics the metric columns of metrics.csv in file order, epoch and step excluded
 * @param bits what its weights cost: from its bits.json, else derived from its configuration
 */
public record RecordedRun(String name, Path directory, RunConfig config, String status, List<String> metrics,
        List<EpochRecord> epochs, RecordedBits bits) {
    public RecordedRun {
        metrics = List.copyOf(metrics);
        epochs = List.copyOf(epochs);
    }
}
