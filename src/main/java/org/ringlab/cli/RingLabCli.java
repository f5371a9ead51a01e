package org.ringlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ringlab} command line. */
@Command(name = "ringlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "RingLab: train and inspect extreme (1-4 bit) quantized networks.",
        subcommands = {TrainCommand.class, EvalCommand.class, ProbeCommand.class, RingCommand.class,
            BenchCommand.class, ExportModelCommand.class, ImportCommand.class, ExportDataCommand.class, ExportFigureCommand.class,
            ExportAllCommand.class, ServeCommand.class, RunsCommand.class, ResumeCommand.class, DoctorCommand.class,
            SweepCommand.class, CompareCommand.class, ImportRunsCommand.class, AnimateCommand.class,
            CommandLine.HelpCommand.class})
public final class RingLabCli {
    /** Exit code for invalid flags, files or configurations. */
    public static final int USAGE = 2;
    /** Exit code for a run that failed or diverged. */
    public static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /**
     * Runs the CLI writing to the given streams instead of System.out/err (tests capture output
     * this way); null keeps picocli's default for that stream.
     */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        EngineSettings.applyDefaults();
        CommandLine cli = new CommandLine(new RingLabCli());
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        cli.setParameterExceptionHandler((ex, argv) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("ringlab: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            org.ringlab.train.Failures.debug(ex);
            cmd.getErr().println("ringlab: " + org.ringlab.train.Failures.describe(ex));
            return ex instanceof UserError ? USAGE : FAILED;
        });
        cli.setExecutionStrategy(parsed -> {
            OutputOptions.check(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args);
    }
}
