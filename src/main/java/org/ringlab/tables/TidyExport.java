package org.ringlab.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs in long ("tidy") form: one row per run × epoch × metric, with the run's whole configuration
 * repeated on each row so that any plotting or statistics tool can group and filter by any setting.
 *
 * <p>Every metric column of metrics.csv gives a row for every epoch, also where the value is
 * missing (the snapped accuracies of an FP32 run): those rows have an empty value. A table thus
 * always has runs × epochs × metrics rows, and "not measured" stays visible rather than vanishing.
 */
public final class TidyExport {
    public static final String RUN = "run";
    public static final String NAME = "name";
    public static final String STATUS = "status";
    public static final String EPOCH = "epoch";
    public static final String STEP = "step";
    public static final String METRIC = "metric";
    public static final String VALUE = "value";

    private TidyExport() {
    }

    /**
     * Columns: run (directory name), name, every other config key, status, epoch, step, metric,
     * value. The config's own "name" key is the name column.
     */
    public static Table of(RunTable runs) {
        List<String> configKeys = ConfigColumns.keys(List.of(NAME));
        List<String> columns = new ArrayList<>(List.of(RUN, NAME));
        columns.addAll(configKeys);
        columns.addAll(List.of(STATUS, EPOCH, STEP, METRIC, VALUE));
        List<List<Object>> rows = new ArrayList<>();
        for (RecordedRun run : runs.runs()) {
            List<Object> runCells = new ArrayList<>();
            runCells.add(run.name());
            runCells.add(run.config().name());
            runCells.addAll(ConfigColumns.cells(run.config(), configKeys));
            runCells.add(run.status());
            for (EpochRecord epoch : run.epochs()) {
                for (String metric : run.metrics()) {
                    List<Object> row = new ArrayList<>(runCells);
                    row.add(epoch.epoch());
                    row.add(epoch.step());
                    row.add(metric);
                    row.add(epoch.value(metric));
                    rows.add(row);
                }
            }
        }
        return new Table(columns, rows);
    }
}
