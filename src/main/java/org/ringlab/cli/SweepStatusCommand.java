package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ringlab.sweep.slurm.SlurmException;
import org.ringlab.sweep.slurm.SlurmSweep;
import org.ringlab.sweep.slurm.SlurmTools;
import org.ringlab.sweep.slurm.SweepState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ringlab sweep status DIR}: where each run of a Slurm sweep stands. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Where each run of a sweep submitted with --executor slurm stands: pending, running (with its "
            + "epoch), requeued, finished, failed (with its reason) or cancelled.",
            "Read from squeue, sacct where the cluster keeps accounting, and the status file each task writes into "
                + "its run folder."})
final class SweepStatusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder (--out-dir of the submission).")
    Path sweepDir;

    @Option(names = "--json", description = "One JSON object: {job, runs: [{index, name, dir, state, epoch, epochs, "
            + "reason, slurm}]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SweepState state;
        try {
            state = new SlurmSweep(new SlurmTools()).status(sweepDir.toAbsolutePath().normalize());
        } catch (IOException | SlurmException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (json) {
            out.println(state.toJson());
        } else {
            print(state, sweepDir.toAbsolutePath().normalize(), out);
        }
        return 0;
    }

    static void print(SweepState state, Path sweepDir, PrintWriter out) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SweepState.RunState r : state.runs()) {
            counts.merge(r.state(), 1, Integer::sum);
        }
        StringBuilder summary = new StringBuilder("job " + state.job() + ": " + state.runs().size() + " run(s)");
        counts.forEach((k, v) -> summary.append(", ").append(v).append(' ').append(k));
        out.println(summary);
        int nameWidth = Math.max(3, state.runs().stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String format = "%-3s  %-" + nameWidth + "s  %-9s  %-5s  %-10s  %s%n";
        out.printf(format, "#", "run", "state", "epoch", "slurm", "folder");
        for (SweepState.RunState r : state.runs()) {
            Path dir = Path.of(r.dir());
            // run folders sit in the sweep folder unless the manifest says otherwise
            String folder = dir.startsWith(sweepDir) ? sweepDir.relativize(dir).toString() : dir.toString();
            out.printf(format, r.index(), r.name(), r.state(), r.epoch() + "/" + r.epochs(),
                    r.slurm() == null ? "-" : r.slurm(), folder);
            if (r.reason() != null) {
                out.println("     reason: " + r.reason());
            }
        }
        out.flush();
    }
}
