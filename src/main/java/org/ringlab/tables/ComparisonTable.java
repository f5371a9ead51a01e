package org.ringlab.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ringlab.config.RunConfig;

/**
 * One row per configuration, for a paper or a README: method, model, nominal and truthful bits,
 * final soft / snapped / snapped+BN accuracy, best soft accuracy, wall time.
 *
 * <p>Runs whose configurations differ only by seed (and by out and name, which say where and
 * what a run is called, not what it does) share one row: the accuracies and the wall time become
 * {@link Estimate}s, mean ± sample std over the n seeds, and best_epoch is left empty because the
 * seeds peak at different epochs. Rows keep the order in which each configuration first appears.
 */
public final class ComparisonTable {
    public static final List<String> COLUMNS = List.of("run", "method", "model", "nominal_bits", "levels",
            "level_bits", "n", "final_soft", "final_snapped", "final_snapped_bn", "best_soft", "best_epoch",
            "wall_s");

    private ComparisonTable() {
    }

    public static Table of(RunTable runs) {
        Map<RunConfig, List<RecordedRun>> groups = new LinkedHashMap<>();
        for (RecordedRun run : runs.runs()) {
            groups.computeIfAbsent(withoutSeed(run.config()), k -> new ArrayList<>()).add(run);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<RecordedRun> group : groups.values()) {
            rows.add(group.size() == 1 ? single(group.get(0)) : seeds(group));
        }
        return new Table(COLUMNS, rows);
    }

    /** The configuration with what seeds of one experiment may differ in set to fixed values. */
    static RunConfig withoutSeed(RunConfig config) {
        return config.toBuilder().seed(0).out(null).name(null).build();
    }

    private static List<Object> single(RecordedRun run) {
        RunSummary s = RunSummary.of(run);
        List<Object> row = describe(run.config(), run.name(), 1);
        row.addAll(List.of(s.finalSoft(), s.finalSnapped(), s.finalSnappedBn(), s.bestSoft()));
        row.add(s.bestEpoch());
        row.add(s.wallSeconds());
        return row;
    }

    private static List<Object> seeds(List<RecordedRun> group) {
        List<RunSummary> summaries = group.stream().map(RunSummary::of).toList();
        String names = String.join(", ", group.stream().map(RecordedRun::name).toList());
        List<Object> row = describe(group.get(0).config(), names, group.size());
        row.add(estimate(summaries, RunSummary::finalSoft));
        row.add(estimate(summaries, RunSummary::finalSnapped));
        row.add(estimate(summaries, RunSummary::finalSnappedBn));
        row.add(estimate(summaries, RunSummary::bestSoft));
        row.add(null);
        row.add(estimate(summaries, RunSummary::wallSeconds));
        return row;
    }

    private static List<Object> describe(RunConfig config, String run, int n) {
        RunBits bits = RunBits.of(config);
        List<Object> row = new ArrayList<>();
        row.add(run);
        row.add(RunBits.methodLabel(config));
        row.add(config.model().key());
        row.add(bits.nominalBits());
        row.add(bits.levels());
        row.add(bits.levelBits());
        row.add(n);
        return row;
    }

    private static Estimate estimate(List<RunSummary> summaries, ToDoubleFunction<RunSummary> figure) {
        return Estimate.of(summaries.stream().mapToDouble(figure).toArray());
    }
}
