package org.ringlab.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ringlab.config.RunConfig;

/**
 * One row per configuration, for a paper or a README: method, model, what the weights really cost
 * (nominal bits, the activations' bits (32 for float activations), distinct levels, code width, entropy, side information, weights-only and
 * whole-model compression), final soft / snapped / snapped+BN accuracy, best soft accuracy and
 * its epoch, wall time, and a note.
 *
 * <p>The snapped accuracies sit right after the soft one, so a soft-weight figure is never read as
 * a quantized result; a quantized row without a snapped accuracy says so in its note, as does a
 * row whose run did not finish.
 *
 * <p>Runs whose configurations differ only by seed (and by out and name, which say where and
 * what a run is called, not what it does) share one row: the accuracies and the wall time become
 * {@link Estimate}s, mean ± sample std over the n seeds, and best_epoch is left empty because the
 * seeds peak at different epochs. A bit figure the seeds agree on stays a plain number; one they
 * do not (the entropy of learned codes) becomes an estimate too. Rows keep the order in which
 * each configuration first appears.
 */
public final class ComparisonTable {
    public static final List<String> COLUMNS = List.of("run", "method", "model", "nominal_bits", "act_bits", "levels",
            "level_bits", "entropy_bits", "side_bits", "cr_weights", "cr_model", "n", "final_soft", "final_snapped",
            "final_snapped_bn", "best_soft", "best_epoch", "best_snapped", "wall_s", "note");

    /** The status run.json holds for a run that ran to its last epoch. */
    private static final String FINISHED = "finished";

    private ComparisonTable() {
    }

    public static Table of(RunTable runs) {
        return of(runs.runs());
    }

    public static Table of(List<RecordedRun> runs) {
        return ofGroups(groups(runs));
    }

    /** One row per group of {@link #groups(List)}, in that order. */
    public static Table ofGroups(List<List<RecordedRun>> groups) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<RecordedRun> group : groups) {
            rows.add(group.size() == 1 ? single(group.get(0)) : seeds(group));
        }
        return new Table(COLUMNS, rows);
    }

    /** The runs behind each row of {@link #of(List)}, row by row: runs that differ only by seed together. */
    public static List<List<RecordedRun>> groups(List<RecordedRun> runs) {
        Map<RunConfig, List<RecordedRun>> groups = new LinkedHashMap<>();
        for (RecordedRun run : runs) {
            groups.computeIfAbsent(withoutSeed(run.config()), k -> new ArrayList<>()).add(run);
        }
        return List.copyOf(groups.values());
    }

    /**
     * A narrower view of the table for a README or a slide, which cannot drop what keeps it
     * honest: a soft accuracy needs the snapped one beside it, and the note column always stays
     * (appended when not listed).
     *
     * @throws IllegalArgumentException naming an unknown column or the missing snapped column
     */
    public static Table select(Table table, List<String> columns) {
        List<String> chosen = new ArrayList<>(columns);
        if ((chosen.contains("final_soft") || chosen.contains("best_soft")) && !chosen.contains("final_snapped")) {
            throw new IllegalArgumentException("a soft accuracy is not a quantized result: list final_snapped "
                    + "with final_soft or best_soft");
        }
        if (!chosen.contains("note")) {
            chosen.add("note");
        }
        return table.select(chosen);
    }

    /** The configuration with what seeds of one experiment may differ in set to fixed values. */
    static RunConfig withoutSeed(RunConfig config) {
        return config.toBuilder().seed(0).out(null).name(null).build();
    }

    private static List<Object> single(RecordedRun run) {
        RunSummary s = RunSummary.of(run);
        List<Object> row = describe(List.of(run), run.name());
        row.addAll(List.of(s.finalSoft(), s.finalSnapped(), s.finalSnappedBn(), s.bestSoft()));
        row.add(s.bestEpoch());
        row.add(s.bestSnapped());
        row.add(s.wallSeconds());
        row.add(note(List.of(run), List.of(s)));
        return row;
    }

    private static List<Object> seeds(List<RecordedRun> group) {
        List<RunSummary> summaries = group.stream().map(RunSummary::of).toList();
        String names = String.join(", ", group.stream().map(RecordedRun::name).toList());
        List<Object> row = describe(group, names);
        row.add(estimate(summaries, RunSummary::finalSoft));
        row.add(estimate(summaries, RunSummary::finalSnapped));
        row.add(estimate(summaries, RunSummary::finalSnappedBn));
        row.add(estimate(summaries, RunSummary::bestSoft));
        row.add(null);
        row.add(estimate(summaries, RunSummary::bestSnapped));
        row.add(estimate(summaries, RunSummary::wallSeconds));
        row.add(note(group, summaries));
        return row;
    }

    private static List<Object> describe(List<RecordedRun> group, String run) {
        RecordedRun first = group.get(0);
        List<RecordedBits> bits = group.stream().map(RecordedRun::bits).toList();
        List<Object> row = new ArrayList<>();
        row.add(run);
        row.add(first.bits().methodLabel());
        row.add(first.config().model().key());
        row.add(shared(bits, RecordedBits::nominalBits));
        row.add(activationBits(first.config()));
        row.add(sharedLevels(bits));
        row.add(shared(bits, RecordedBits::levelBits));
        row.add(shared(bits, RecordedBits::entropyBits));
        row.add(shared(bits, RecordedBits::sideBitsPerWeight));
        row.add(shared(bits, RecordedBits::crWeightsOnly));
        row.add(shared(bits, RecordedBits::crWholeModel));
        row.add(group.size());
        return row;
    }

    /**
     * The code width of the hidden layers' quantized inputs, 32 where activations stay float (every
     * FP32 or weights-only run); the first and last layers' inputs are in bits.json per layer.
     */
    private static int activationBits(RunConfig config) {
        return config.quantizesActivations() ? config.actBits() : 32;
    }

    /** The figure when every run has the same one, else mean ± std over the runs that have it. */
    private static Object shared(List<RecordedBits> bits, ToDoubleFunction<RecordedBits> figure) {
        double[] values = bits.stream().mapToDouble(figure).toArray();
        double first = values[0];
        for (double v : values) {
            if (Double.compare(v, first) != 0) {
                return Estimate.of(values);
            }
        }
        return first;
    }

    private static Object sharedLevels(List<RecordedBits> bits) {
        Integer first = bits.get(0).levels();
        if (bits.stream().allMatch(b -> java.util.Objects.equals(b.levels(), first))) {
            return first;
        }
        return Estimate.of(bits.stream().mapToDouble(b -> b.levels() == null ? Double.NaN : b.levels()).toArray());
    }

    /**
     * Why a row's figures need care: runs that did not finish (by name when seeds are merged) and
     * quantized runs without a snapped accuracy, whose only accuracy is the soft one.
     */
    private static String note(List<RecordedRun> group, List<RunSummary> summaries) {
        List<String> parts = new ArrayList<>();
        for (RecordedRun run : group) {
            if (!FINISHED.equals(run.status())) {
                parts.add(group.size() == 1 ? run.status() : run.name() + " " + run.status());
            }
        }
        long missing = 0;
        for (int i = 0; i < group.size(); i++) {
            if (!group.get(i).bits().isFullPrecision() && Double.isNaN(summaries.get(i).finalSnapped())) {
                missing++;
            }
        }
        if (missing > 0) {
            parts.add(group.size() == 1 ? "no snapped accuracy: soft only"
                    : "no snapped accuracy in " + missing + " of " + group.size());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static Estimate estimate(List<RunSummary> summaries, ToDoubleFunction<RunSummary> figure) {
        return Estimate.of(summaries.stream().mapToDouble(figure).toArray());
    }
}
