package org.ringlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ringlab.store.RunStore;
import org.ringlab.store.RunSummary;
import org.ringlab.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab runs}: the runs of a workspace's store, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the runs recorded in a workspace's run store, newest first.")
final class RunsCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--mark-interrupted", description = "First mark runs whose recording process died as interrupted.")
    boolean markInterrupted;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore store = workspace.open()) {
            if (markInterrupted) {
                List<Long> marked = store.markAbandonedRunsInterrupted();
                if (!marked.isEmpty()) {
                    out.println("marked interrupted: " + marked);
                }
            }
            List<RunSummary> runs = store.listRuns();
            if (runs.isEmpty()) {
                out.println("no runs in " + store.databaseFile());
                return 0;
            }
            out.println(String.format(Locale.ROOT, "%5s  %-24s %-8s %-6s %-11s %7s %8s %8s  %s", "id", "name", "model",
                    "method", "status", "epochs", "soft", "snapped", "created"));
            for (RunSummary r : runs) {
                if (!r.isReadable()) {
                    // one damaged row is shown as such; it does not hide the others
                    out.println(String.format(Locale.ROOT, "%5d  %-24s unreadable: %s", r.id(), clip(r.name(), 24),
                            TerminalText.safe(r.unreadable())));
                    continue;
                }
                out.println(String.format(Locale.ROOT, "%5d  %-24s %-8s %-6s %-11s %7s %8s %8s  %s", r.id(),
                        clip(r.name(), 24), TerminalText.safe(r.model()), TerminalText.safe(r.method()), r.status().id(),
                        r.epochsDone() + "/" + r.epochsTotal(), percent(r.lastTestAccSoft()),
                        percent(r.lastTestAccSnapped()), r.createdAt()));
            }
            return 0;
        } catch (StoreException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", v);
    }

    /** A name as the table shows it: control characters (terminal escapes) made visible, then clipped. */
    private static String clip(String name, int n) {
        String s = TerminalText.safe(name);
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
