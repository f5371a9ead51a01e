package org.ringlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.LoadedData;
import org.ringlab.sweep.SweepGrid;
import org.ringlab.sweep.SweepPlan;
import org.ringlab.sweep.SweepPoint;
import org.ringlab.sweep.SweepRunner;
import org.ringlab.sweep.slurm.SlurmOptions;
import org.ringlab.sweep.slurm.SweepManifest;
import org.ringlab.tables.ComparisonTable;
import org.ringlab.tables.RunTable;
import org.ringlab.tables.Table;
import org.ringlab.tables.TableFormat;
import org.ringlab.train.DataSetProbe;
import org.ringlab.train.Listeners;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.Trainer;
import org.ringlab.train.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringlab sweep}: a grid of runs (methods × ring types × ring sizes × bit widths × seeds)
 * over one base configuration, validated as a whole, trained one after another, each into its own
 * run directory, and summed up in the comparison table.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {SweepStatusCommand.class, SweepCancelCommand.class, SweepTaskCommand.class},
        description = {"Train a grid of runs one after another and print their comparison table, or with "
                + "--executor slurm submit it to a Slurm cluster as one job array (see docs/cluster.md).",
            "Ring type and size vary only for methods whose key starts with 'ring'; --bit-widths only for lsq, dorefa "
                + "and pow2; every other method gets one run per seed. Every training flag sets the base "
                + "configuration, as for 'ringlab train'. All points are validated before the first starts.",
            "A failed or diverged run is reported in the table and the sweep goes on; Ctrl-C stops the current "
                + "run cleanly and leaves the finished ones intact."})
final class SweepCommand implements java.util.concurrent.Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--methods", split = ",", paramLabel = "METHOD",
            description = "Method keys, e.g. fp32,ring,ring-ste,twn,lsq (default: the base --method).")
    List<String> methods = new ArrayList<>();

    @Option(names = "--ring-types", split = ",", paramLabel = "TYPE",
            description = "Ring types for ring methods, e.g. triangle,sin (default: the base --ring-type).")
    List<String> ringTypes = new ArrayList<>();

    @Option(names = "--ring-sizes", split = ",", paramLabel = "N",
            description = "Ring sizes for ring methods, e.g. 4,8 (default: the base --ring-size).")
    List<Integer> ringSizes = new ArrayList<>();

    @Option(names = "--bit-widths", split = ",", paramLabel = "BITS",
            description = "Bit widths for lsq, dorefa and pow2, e.g. 2,4 (default: the method's own).")
    List<Integer> bits = new ArrayList<>();

    @Option(names = "--act-bit-widths", split = ",", paramLabel = "BITS",
            description = "Activation bits for every quantized method, 'none' for float activations, e.g. none,2 "
                + "(a W and a WA2 run each; the quantizer is the base --act-quantizer; default: the base --act-bits).")
    List<String> actBits = new ArrayList<>();

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", description = "Seeds (default: the base --seed).")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Folder for the run directories, one per point, named <model>-<method>[-<ring>][-b<bits>]-s<seed> "
                + "(default: runs/sweep-<time>).")
    Path outDir;

    @Option(names = "--dry-run", description = "Print the grid and check it; train nothing.")
    boolean dryRun;

    @Option(names = "--resume", description = "Keep the points of --out-dir that already hold a finished run "
            + "(e.g. after Ctrl-C) and train the rest; an unfinished run there must be deleted first.")
    boolean resume;

    @Option(names = "--executor", paramLabel = "local|slurm", defaultValue = "local",
            description = "local: train here, one run after another (default). slurm: submit one job array, one "
                + "task per point, print its job id and return; follow it with 'ringlab sweep status DIR'.")
    String executor;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's).")
    String partition;

    @Option(names = "--gres", paramLabel = "G", description = "Generic resources per task, e.g. gpu:1.")
    String gres;

    @Option(names = "--time", paramLabel = "T", description = "Time limit per task, e.g. 24:00:00; "
            + SlurmOptions.WARNING_SECONDS + " s before it the run stops at its next step and the task is requeued, "
            + "to resume from its last checkpoint.")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "N", description = "CPUs per task (also the task's thread count "
            + "unless --threads is set).")
    Integer cpusPerTask;

    @Option(names = "--mem", paramLabel = "M", description = "Memory per task, e.g. 16G.")
    String mem;

    @Option(names = "--max-parallel", paramLabel = "N", description = "At most N tasks at once (the array's %%N).")
    Integer maxParallel;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "A further sbatch argument, passed as it is "
            + "(repeatable), e.g. --sbatch-arg=--account=lab.")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--ringlab", paramLabel = "PATH", description = "The ringlab launcher as the nodes see it "
            + "(default: the launcher running this command).")
    Path launcher;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (options.flag("out") != null || options.flag("name") != null) {
            throw new UserError("--out and --name are set per run by the sweep; use --out-dir for the folder");
        }
        boolean slurm = switch (executor) {
            case "local" -> false;
            case "slurm" -> true;
            default -> throw new UserError("--executor '" + executor + "': local or slurm");
        };
        if (!slurm) {
            refuseSlurmOptions();
        }
        RunConfig base = options.resolve(spec.commandLine().getParseResult());
        Path dataDir = DataPaths.resolve(base.data());
        if (slurm) {
            // the nodes start in another directory: every path they read is absolute
            dataDir = dataDir.toAbsolutePath().normalize();
        }
        base = base.toBuilder().data(dataDir.toString()).build();
        Path folder = outDir != null ? outDir : Path.of("runs", "sweep-"
                + LocalDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (slurm) {
            folder = folder.toAbsolutePath().normalize();
        }
        ObjectNode baseJson = (ObjectNode) JSON.readTree(RunConfigJson.toJson(base));
        List<SweepPoint> points = new SweepGrid(methods, ringTypes, ringSizes, bits, seeds, activationAxis())
                .expand(baseJson, folder);
        if (slurm && resume) {
            throw new UserError("--resume is for local sweeps; a Slurm sweep resumes its own tasks (see 'ringlab sweep "
                    + "status')");
        }
        if (slurm && Files.exists(SweepManifest.file(folder))) {
            throw new UserError("--out-dir " + folder + ": already holds a submitted sweep (" + SweepManifest.FILE
                    + "); choose another folder");
        }
        SweepPlan plan = SweepPlan.of(points, new DataSetProbe(), resume);
        if (dryRun) {
            printGrid(out, points);
        }
        if (!plan.isValid()) {
            throw new UserError("invalid sweep (" + plan.problems().size() + " problem"
                    + (plan.problems().size() == 1 ? "" : "s") + "; nothing was started): "
                    + String.join("; ", plan.problems()));
        }
        if (dryRun) {
            out.println(points.size() + " run(s) into " + folder + "; the grid is valid"
                    + (plan.kept().isEmpty() ? "" : "; " + plan.kept().size() + " already finished, kept"));
            return 0;
        }
        if (slurm) {
            return new SlurmSubmission(out).submit(plan, folder, launcher, new SlurmOptions(partition, gres, time,
                    cpusPerTask, mem, maxParallel, sbatchArgs));
        }
        return train(plan, points.stream().map(SweepPoint::name).toList(), folder, dataDir, base, out);
    }

    /** A Slurm option on a local sweep is a mistake (the user meant --executor slurm), not something to ignore. */
    private void refuseSlurmOptions() {
        for (String name : List.of("--partition", "--gres", "--time", "--cpus-per-task", "--mem", "--max-parallel",
                "--sbatch-arg", "--ringlab")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                throw new UserError(name + " is a Slurm option: add --executor slurm, or leave it out for a local sweep");
            }
        }
    }

    private static void printGrid(PrintWriter out, List<SweepPoint> points) {
        for (SweepPoint p : points) {
            ObjectNode j = p.json();
            StringBuilder line = new StringBuilder(p.name()).append("  method=").append(j.path("method").asText());
            if (SweepGrid.usesRingAxes(j.path("method").asText())) {
                line.append(" ring=").append(j.path("ring-type").asText()).append('-').append(j.path("ring-size").asInt());
            }
            if (j.has("bits")) {
                line.append(" bits=").append(j.path("bits").asText());
            }
            if (j.path("act-bits").isInt()) {
                line.append(" act-bits=").append(j.path("act-bits").asInt());
            }
            line.append(" seed=").append(j.path("seed").asLong());
            out.println(line);
        }
    }

    private int train(SweepPlan plan, List<String> gridOrder, Path folder, Path dataDir, RunConfig base,
            PrintWriter out) throws IOException {
        EngineSettings.threads(base.threads());
        LoadedData data = DataPaths.load(dataDir, base.imageSize());
        Files.createDirectories(folder);
        if (!plan.kept().isEmpty()) {
            out.println("keeping " + plan.kept().size() + " finished run(s) already in " + folder);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<RunControl> current = new AtomicReference<>();
        List<SweepRunner.Result> results;
        // Ctrl-C: stop the run between two steps so it records its status, start no other, then exit
        try (StopOnShutdown hook = new StopOnShutdown("ringlab-sweep-stop", () -> {
            stop.set(true);
            RunControl control = current.get();
            if (control != null) {
                control.stop();
            }
        })) {
            results = SweepRunner.run(plan.runs(), config -> {
                RunControl control = new RunControl();
                current.set(control);
                Path dir = Path.of(config.out());
                Files.createDirectories(dir);
                RunConfigJson.write(config, dir.resolve(RunRecorder.CONFIG));
                TrainingOutcome outcome;
                try (RunRecorder recorder = new RunRecorder(dir)) {
                    outcome = new Trainer(config, data).checkpointTo(dir.resolve(RunRecorder.CHECKPOINT))
                            .run(Listeners.of(recorder, new ConsoleProgress(out, config.epochs())), control);
                }
                return new SweepRunner.Outcome(outcome.status().id(), outcome.message());
            }, stop::get, new SweepRunner.Listener() {
                @Override
                public void starting(int index, int total, String name) {
                    out.printf("[%d/%d] %s%n", index + 1, total, name);
                    out.flush();
                }

                @Override
                public void ended(SweepRunner.Result result) {
                    if (!result.finished()) {
                        out.println(result.name() + ": " + result.status()
                                + (result.message().isBlank() ? "" : " (" + result.message() + ")"));
                    }
                }
            });
            List<SweepRunner.Result> all = new ArrayList<>();
            plan.kept().forEach(k -> all.add(new SweepRunner.Result(k.name(), k.config(), "finished", "kept")));
            all.addAll(results);
            all.sort(java.util.Comparator.comparingInt(r -> gridOrder.indexOf(r.name())));
            summarise(all, folder, out);
        }
        return results.stream().allMatch(SweepRunner.Result::finished) ? 0 : RingLabCli.FAILED;
    }

    /** The comparison table of every run that left a directory, on stdout and as comparison.md. */
    private static void summarise(List<SweepRunner.Result> results, Path folder, PrintWriter out) throws IOException {
        List<Path> dirs = results.stream().map(r -> Path.of(r.config().out()))
                .filter(d -> Files.isRegularFile(d.resolve(RunRecorder.CONFIG))).toList();
        long finished = results.stream().filter(SweepRunner.Result::finished).count();
        out.println();
        out.printf("%d of %d run(s) finished%n", finished, results.size());
        for (SweepRunner.Result r : results) {
            if (!r.finished()) {
                out.println("  " + r.name() + ": " + r.status());
            }
        }
        if (dirs.isEmpty()) {
            return;
        }
        // one unreadable directory (a run that died while its files were created) must not hide the others
        List<org.ringlab.tables.RecordedRun> recorded = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                recorded.addAll(RunTable.read(List.of(dir)).runs());
            } catch (IOException | IllegalArgumentException e) {
                out.println("  left out of the table: " + e.getMessage());
            }
        }
        if (recorded.isEmpty()) {
            return;
        }
        Table table = ComparisonTable.of(recorded);
        out.println();
        TableFormat.MARKDOWN.write(table, out);
        try (var w = Files.newBufferedWriter(folder.resolve("comparison.md"))) {
            TableFormat.MARKDOWN.write(table, w);
        }
        out.println("(also in " + folder.resolve("comparison.md") + "; 'ringlab compare --runs-dir " + folder
                + "' prints it again)");
    }

    /** --act-bit-widths as the grid takes it: 0 for "none" (float activations). */
    private List<Integer> activationAxis() {
        List<Integer> out = new ArrayList<>();
        for (String a : actBits) {
            String t = a.strip();
            if (t.equalsIgnoreCase("none")) {
                out.add(0);
                continue;
            }
            try {
                int b = Integer.parseInt(t);
                if (b < 1) {
                    throw new NumberFormatException();
                }
                out.add(b);
            } catch (NumberFormatException e) {
                throw new UserError("--act-bit-widths " + a + ": expected a number of bits (1 or more) or none", e);
            }
        }
        return out;
    }
}
