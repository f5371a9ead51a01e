package org.ringlab.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ringlab.config.RunConfig;
import org.ringlab.config.Setting;
import org.ringlab.config.Settings;
import org.ringlab.tables.ComparisonTable;
import org.ringlab.tables.RecordedRun;
import org.ringlab.tables.Table;

/**
 * The Compare window's table: the comparison table's rows, widened by what a reader needs to tell
 * the rows apart and to trust the comparison. After "model" come the configuration keys whose
 * values differ between the rows (seeds are merged into one row, so seed is not among them), then
 * {@value #NOT_COMPARABLE}, which names, for a row trained on other data, for another number of
 * epochs or with another model than most of the compared runs, what differs.
 */
public final class ComparisonRows {
    public static final String NOT_COMPARABLE = "not_comparable";
    /** Keys the table shows anyway (method, model) or that say nothing about what a run does. */
    private static final Set<String> NOT_A_DIFFERENCE = Set.of("method", "model", "seed", "name", "out");
    /** What must be the same for two runs' accuracies to compare: the data, how long, which network. */
    private static final List<Setting<?>> COMPARABLE_BY = List.of(Settings.DATA_DIR, Settings.IMAGE_SIZE,
            Settings.LIMIT_TRAIN, Settings.LIMIT_TEST, Settings.EPOCHS, Settings.MODEL_KIND);
    private static final int AFTER_MODEL = ComparisonTable.COLUMNS.indexOf("model") + 1;

    private ComparisonRows() {
    }

    /** The table of {@code groups} (one row each, as {@link ComparisonTable#groups}). */
    public static Table of(List<List<RecordedRun>> groups) {
        Table base = ComparisonTable.ofGroups(groups);
        List<RunConfig> configs = groups.stream().map(g -> g.get(0).config()).toList();
        List<String> differing = differingKeys(configs);
        Map<String, String> reference = reference(groups);
        List<String> columns = new ArrayList<>(base.columns());
        columns.addAll(AFTER_MODEL, differing);
        // beside the differences, where it is seen without scrolling a wide table
        columns.add(AFTER_MODEL + differing.size(), NOT_COMPARABLE);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Object> row = new ArrayList<>(base.rows().get(i));
            List<Object> cells = new ArrayList<>();
            for (String key : differing) {
                cells.add(text(Settings.byKey(key), configs.get(i)));
            }
            cells.add(whyNotComparable(configs.get(i), reference));
            row.addAll(AFTER_MODEL, cells);
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    /** The keys, in config.json order, that do not have one value over all {@code configs}. */
    static List<String> differingKeys(List<RunConfig> configs) {
        List<String> keys = new ArrayList<>();
        for (String key : Settings.keys()) {
            Setting<?> setting = Settings.byKey(key);
            if (NOT_A_DIFFERENCE.contains(key) || setting == null) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            for (RunConfig c : configs) {
                values.add(comparableText(setting, c));
            }
            if (values.size() > 1) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * What most compared runs share (counted per run, so three seeds weigh three); on a tie, the
     * first row's. Keyed by setting key.
     */
    private static Map<String, String> reference(List<List<RecordedRun>> groups) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (List<RecordedRun> group : groups) {
            for (RecordedRun run : group) {
                counts.merge(signature(run.config()), 1, Integer::sum);
            }
        }
        List<String> best = null;
        int most = 0;
        for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        Map<String, String> reference = new LinkedHashMap<>();
        for (int i = 0; best != null && i < COMPARABLE_BY.size(); i++) {
            reference.put(COMPARABLE_BY.get(i).key(), best.get(i));
        }
        return reference;
    }

    private static List<String> signature(RunConfig config) {
        List<String> values = new ArrayList<>();
        for (Setting<?> s : COMPARABLE_BY) {
            values.add(comparableText(s, config));
        }
        return values;
    }

    /** e.g. "epochs 1 ≠ 3; model mlp ≠ lenet", or null when the row compares with most runs. */
    static String whyNotComparable(RunConfig config, Map<String, String> reference) {
        List<String> reasons = new ArrayList<>();
        for (Setting<?> s : COMPARABLE_BY) {
            String mine = comparableText(s, config);
            String theirs = reference.get(s.key());
            if (theirs != null && !Objects.equals(mine, theirs)) {
                reasons.add(s.key() + " " + mine + " ≠ " + theirs);
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** The value as config.json spells it, null when unset. */
    private static String text(Setting<?> setting, RunConfig config) {
        Object value = setting.get(config);
        return value == null ? null : setting.format(value);
    }

    /** The same, with a data folder as an absolute path: "sample-data" and "./sample-data" are one folder. */
    private static String comparableText(Setting<?> setting, RunConfig config) {
        String text = text(setting, config);
        if (setting == Settings.DATA_DIR && text != null) {
            try {
                return Path.of(text).toAbsolutePath().normalize().toString();
            } catch (java.nio.file.InvalidPathException e) {
                return text;
            }
        }
        return text;
    }
}
