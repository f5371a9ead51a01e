package org.ringlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ringlab.store.RunRef;
import org.ringlab.store.RunStore;
import org.ringlab.store.RunSummary;
import org.ringlab.store.StoreException;
import org.ringlab.tables.ComparisonTable;
import org.ringlab.tables.Table;
import org.ringlab.tables.TableFormat;
import org.ringlab.train.RunRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ringlab compare}: the side-by-side comparison table of recorded runs. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare recorded runs side by side: one row per configuration (seeds merged into "
            + "mean ± std) with nominal bits, distinct levels, code and entropy bits, side information, "
            + "weights-only and whole-model compression, final soft / snapped / snapped+BN accuracy, best soft "
            + "accuracy and its epoch, best snapped accuracy, wall time.", "See docs/comparison.md for how each figure is computed."})
final class CompareCommand implements Callable<Integer> {
    @Mixin
    RunArguments runs;

    @Option(names = "--runs-dir", paramLabel = "DIR",
            description = "A folder of run directories (e.g. a sweep's --out-dir): every sub-folder with a config.json. "
                + "(--workspace DIR without --run: every run of the workspace that recorded an epoch.)")
    Path runsDir;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "FORMAT",
            description = "markdown, csv, json or latex (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--sort", paramLabel = "COLUMN[:desc]",
            description = "Order rows by a column, ascending, or descending with ':desc' (e.g. final_snapped:desc); "
                + "empty cells last. Default: the order the runs are given.")
    String sort;

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN",
            description = "Only these columns, in this order (e.g. for a README). final_snapped must be listed "
                + "with final_soft or best_soft, and note is always kept. Default: all.")
    List<String> columns;

    @Option(names = "--digits", paramLabel = "N",
            description = "Round every number to N significant digits and a mean ± std's spread to two, for "
                + "reading (e.g. 4 gives 98.74 ± 0.12). Default: 6, the digits metrics.csv stores.")
    Integer digits;

    @Mixin
    TableDestination destination;

    @Override
    public Integer call() throws IOException {
        TableFormat tableFormat = TableOutput.format(format);
        Table table = ComparisonTable.of(RunArguments.table(selection()));
        table = sorted(table, sort);
        if (columns != null && !columns.isEmpty()) {
            try {
                table = ComparisonTable.select(table, columns.stream().map(String::strip).toList());
            } catch (IllegalArgumentException e) {
                throw new UserError("--columns: " + e.getMessage());
            }
        }
        destination.write(table, tableFormat, digits);
        return 0;
    }

    private List<RunRef> selection() throws IOException {
        if (runsDir != null && !runs.runs.isEmpty()) {
            throw new UserError("give either --run or --runs-dir, not both");
        }
        if (runsDir != null) {
            return runDirectoriesIn(runsDir, "--runs-dir").stream().map(RunRef::of).toList();
        }
        if (runs.runs.isEmpty() && runs.workspace != null) {
            return everyRunOf(runs.workspace);
        }
        if (runs.runs.isEmpty()) {
            throw new UserError("no runs given: use --run RUN (repeatable), --runs-dir DIR or --workspace DIR");
        }
        return runs.refs();
    }

    /** A workspace's runs that recorded at least one epoch, oldest first. */
    private static List<RunRef> everyRunOf(Path workspace) {
        if (!Files.isRegularFile(workspace.resolve(RunStore.DATABASE))) {
            throw new UserError("--workspace " + workspace + ": not a workspace (it holds no " + RunStore.DATABASE
                    + ")");
        }
        List<RunRef> refs = new ArrayList<>();
        try (RunStore store = RunStore.open(workspace)) {
            for (RunSummary run : store.listRuns()) {
                if (run.isReadable() && run.epochsDone() > 0) {
                    refs.add(0, RunRef.ofWorkspace(workspace, run.id()));
                }
            }
        } catch (StoreException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (refs.isEmpty()) {
            throw new UserError("--workspace " + workspace + ": no run has recorded an epoch yet");
        }
        return refs;
    }

    /** The sub-folders holding a config.json, by name; an error when there is none. */
    static List<Path> runDirectoriesIn(Path folder, String option) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new UserError(option + " " + folder + ": not a folder");
        }
        List<Path> dirs;
        try (Stream<Path> children = Files.list(folder)) {
            dirs = children.filter(d -> Files.isRegularFile(d.resolve(RunRecorder.CONFIG))).sorted().toList();
        }
        if (dirs.isEmpty()) {
            throw new UserError(option + " " + folder + ": holds no run directory (no sub-folder with a config.json)");
        }
        return dirs;
    }

    /** {@code spec} is "COLUMN" or "COLUMN:desc" / "COLUMN:asc"; null keeps the order. */
    static Table sorted(Table table, String spec) {
        if (spec == null || spec.isBlank()) {
            return table;
        }
        String column = spec.strip();
        boolean descending = false;
        int colon = column.lastIndexOf(':');
        if (colon >= 0) {
            String direction = column.substring(colon + 1);
            column = column.substring(0, colon);
            switch (direction) {
                case "desc" -> descending = true;
                case "asc" -> descending = false;
                default -> throw new UserError("--sort " + spec + ": the direction must be asc or desc");
            }
        }
        try {
            return table.sortedBy(column, descending);
        } catch (IllegalArgumentException e) {
            throw new UserError("--sort: " + e.getMessage());
        }
    }
}
