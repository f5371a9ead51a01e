package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.config.RunNames;
import org.ringlab.data.LoadedData;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoreException;
import org.ringlab.store.StoredTraining;
import org.ringlab.train.DataSetProbe;
import org.ringlab.train.Listeners;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;
import org.ringlab.train.Trainer;
import org.ringlab.train.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab train}: one run, one line per epoch, a run directory with everything recorded. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model and record the run (config.json, metrics.csv, snapshots.jsonl, "
            + "checkpoint.params, run.json).", "Every flag is also a key of a --config JSON file."})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Record the run in this workspace's run store "
            + "(resumable with 'ringlab resume') instead of a run directory.")
    Path workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RunConfig config = options.resolve(spec.commandLine().getParseResult());
        Path dataDir = DataPaths.resolve(config.data());
        config = config.toBuilder().data(dataDir.toString()).build();
        List<String> violations = config.validate(new DataSetProbe());
        if (!violations.isEmpty()) {
            throw new UserError("invalid run configuration: " + String.join("; ", violations));
        }
        if (workspace != null) {
            return trainIntoStore(config, dataDir, out);
        }
        Path dir = config.out() != null ? Path.of(config.out()) : defaultRunDir(config);
        if (Files.exists(dir.resolve(RunRecorder.CONFIG))) {
            throw new UserError("--out " + dir + ": already holds a run; choose another directory");
        }
        EngineSettings.threads(config.threads());
        LoadedData data = DataPaths.load(dataDir, config.imageSize());
        Files.createDirectories(dir);
        RunConfigJson.write(config, dir.resolve(RunRecorder.CONFIG));
        out.println("run directory " + dir);
        TrainingOutcome outcome;
        try (RunRecorder recorder = new RunRecorder(dir)) {
            outcome = new Trainer(config, data)
                    .checkpointTo(dir.resolve(RunRecorder.CHECKPOINT))
                    .run(Listeners.of(recorder, new ConsoleProgress(out, config.epochs())), new RunControl());
        }
        return exitCode(outcome);
    }

    private int trainIntoStore(RunConfig config, Path dataDir, PrintWriter out) {
        try (RunStore store = RunStore.open(workspace)) {
            EngineSettings.threads(config.threads());
            LoadedData data = DataPaths.load(dataDir, config.imageSize());
            long id = store.createRun(config, config.name(), config.device().key());
            out.println("run " + id + " in " + store.databaseFile());
            // the run's folder holds metrics.csv, steps.csv and snapshots.jsonl as a run directory does
            TrainingOutcome outcome = new StoredTraining(store).writingFolderFiles(true).train(id, data,
                    new RunControl(), new ConsoleProgress(out, config.epochs()));
            return exitCode(outcome);
        } catch (StoreException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** 0 for a finished run; otherwise the failure goes to stderr and the run's exit code is 1. */
    private int exitCode(TrainingOutcome outcome) {
        if (outcome.status() == RunStatus.FAILED) {
            spec.commandLine().getErr().println("ringlab: " + outcome.message());
        }
        return outcome.status() == RunStatus.FINISHED ? 0 : RingLabCli.FAILED;
    }

    private static Path defaultRunDir(RunConfig c) {
        return Path.of("runs", RunNames.runFolder(c, LocalDateTime.now(ZoneId.systemDefault())));
    }
}
