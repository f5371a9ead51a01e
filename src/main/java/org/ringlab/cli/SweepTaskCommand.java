package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.store.RunStore;
import org.ringlab.sweep.slurm.SweepManifest;
import org.ringlab.sweep.slurm.TaskStatus;
import org.ringlab.train.DataSetProbe;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.Listeners;
import org.ringlab.train.ResumeCheckpoint;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;
import org.ringlab.train.Trainer;
import org.ringlab.train.TrainingListener;
import org.ringlab.train.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ringlab sweep task DIR}: what one Slurm array task runs (its batch script calls it). Trains
 * the task's grid point into its run folder, or, when the folder holds a resumable checkpoint (the
 * task was stopped and requeued), continues it from there with the next epoch; keeps the folder's
 * {@link TaskStatus} file current. SIGTERM (forwarded by the batch script on Slurm's warning signal,
 * or sent by scancel/requeue) stops the run at its next step; the checkpoint of its last checkpointed
 * epoch stays for the requeued task.
 */
@Command(name = "task", hidden = true, mixinStandardHelpOptions = true,
        description = "Train one task of a Slurm sweep (its batch script runs this).")
final class SweepTaskCommand implements Callable<Integer> {
    /** Exit code of a run stopped by a signal: neither finished nor failed, to be resumed. */
    static final int STOPPED = 3;

    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder (holding sweep.json).")
    Path sweepDir;

    @Option(names = "--index", paramLabel = "N", description = "The task index (default: $SLURM_ARRAY_TASK_ID).")
    Integer index;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int task = index != null ? index : envInt("SLURM_ARRAY_TASK_ID", -1);
        if (task < 0) {
            throw new UserError("--index: no task index given and SLURM_ARRAY_TASK_ID is not set");
        }
        SweepManifest.Run run;
        try {
            run = SweepManifest.read(sweepDir).run(task);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        Path dir = run.dir();
        int restarts = envInt("SLURM_RESTART_COUNT", 0);
        String host = System.getenv().getOrDefault("SLURMD_NODENAME", hostName());
        RunConfig config;
        try {
            config = RunConfigJson.read(dir.resolve(RunRecorder.CONFIG));
        } catch (InvalidConfigException e) {
            String reason = UserError.of(e).getMessage();
            TaskStatus.now(TaskStatus.FAILED, 0, 0, reason, restarts, host).write(dir);
            throw new UserError(reason);
        }
        StatusFile status = new StatusFile(dir, config.epochs(), restarts, host);
        out.println("run " + run.name() + " in " + dir);
        if (finished(dir)) {
            out.println("already finished");
            status.write(TaskStatus.FINISHED, config.epochs(), null);
            return 0;
        }
        List<String> violations = config.validate(new DataSetProbe());
        if (!violations.isEmpty()) {
            return status.fail("invalid run configuration: " + String.join("; ", violations), out);
        }
        int threads = config.threads() > 0 ? config.threads() : envInt("SLURM_CPUS_PER_TASK", 0);
        EngineSettings.threads(threads);
        LoadedData data;
        try {
            data = DataSets.load(DataPaths.resolve(config.data()), config.imageSize());
        } catch (IOException e) {
            return status.fail(e.getMessage(), out);
        }
        Path checkpoint = dir.resolve(RunStore.RESUME_CHECKPOINT);
        Trainer trainer = new Trainer(config, data).resumableTo(checkpoint)
                .checkpointTo(dir.resolve(RunRecorder.CHECKPOINT));
        int startEpoch = 0;
        RunRecorder recorder;
        if (Files.isRegularFile(checkpoint)) {
            ResumeCheckpoint from;
            try {
                from = ResumeCheckpoint.read(checkpoint);
                recorder = RunRecorder.resuming(dir, from.epochsDone(), from.steps());
            } catch (IOException e) {
                return status.fail("cannot resume: " + e.getMessage(), out);
            }
            startEpoch = from.epochsDone();
            trainer.resumeFrom(checkpoint);
            out.println("resuming after epoch " + startEpoch + " (restart " + restarts + ")");
        } else {
            recorder = new RunRecorder(dir);
        }
        status.write(TaskStatus.RUNNING, startEpoch, null);

        RunControl control = new RunControl();
        // SIGTERM: stop between two steps so the run records its status and exits cleanly
        try (StopOnShutdown hook = new StopOnShutdown("ringlab-task-stop", control::stop)) {
            TrainingOutcome outcome;
            try (recorder) {
                outcome = trainer.run(Listeners.of(recorder, new ConsoleProgress(out, config.epochs()),
                        status.listener()), control);
            }
            int epoch = outcome.epochs().isEmpty() ? startEpoch
                    : outcome.epochs().get(outcome.epochs().size() - 1).epoch();
            return switch (outcome.status()) {
                case FINISHED -> {
                    status.write(TaskStatus.FINISHED, config.epochs(), null);
                    yield 0;
                }
                case STOPPED -> {
                    status.write(TaskStatus.STOPPED, epoch, "stopped by a signal after epoch " + epoch
                            + "; a requeued task resumes from its last checkpoint");
                    yield STOPPED;
                }
                default -> status.fail(outcome.message(), out, epoch);
            };
        }
    }

    private static boolean finished(Path dir) {
        try {
            TaskStatus s = TaskStatus.read(dir);
            return s != null && TaskStatus.FINISHED.equals(s.state())
                    && Files.readString(dir.resolve(RunRecorder.RUN_INFO)).contains("\"finished\"");
        } catch (IOException e) {
            return false;
        }
    }

    private static int envInt(String name, int fallback) {
        try {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The run folder's task.json, rewritten at each change. */
    private static final class StatusFile {
        private final Path dir;
        private final int epochs;
        private final int restarts;
        private final String host;

        StatusFile(Path dir, int epochs, int restarts, String host) {
            this.dir = dir;
            this.epochs = epochs;
            this.restarts = restarts;
            this.host = host;
        }

        void write(String state, int epoch, String reason) {
            try {
                TaskStatus.now(state, epoch, epochs, reason, restarts, host).write(dir);
            } catch (IOException e) {
                // the run's own files still record it; the status falls back on Slurm's view
                System.err.println("ringlab: cannot write " + dir.resolve(TaskStatus.FILE) + ": " + e.getMessage());
            }
        }

        int fail(String reason, PrintWriter out) {
            return fail(reason, out, 0);
        }

        int fail(String reason, PrintWriter out, int epoch) {
            write(TaskStatus.FAILED, epoch, reason);
            out.println("failed: " + reason);
            out.flush();
            return RingLabCli.FAILED;
        }

        TrainingListener listener() {
            return new TrainingListener() {
                @Override
                public void onEpoch(EpochMetrics m) {
                    write(TaskStatus.RUNNING, m.epoch(), null);
                }

                @Override
                public void onStatus(RunStatus s, String message) {
                    // terminal states are written once the outcome is known
                }
            };
        }
    }
}
