package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.LoadedData;
import org.ringlab.train.CheckpointEvaluation;
import org.ringlab.train.RunRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ringlab eval}: a run's checkpoint, evaluated soft, snapped and snapped + BN. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a run's checkpoint with soft weights, snapped weights, and snapped weights after "
            + "BatchNorm re-estimation.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A run directory written by 'ringlab train'.")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Checkpoint file (default: DIR/checkpoint.params).")
    Path checkpoint;

    @Option(names = "--data", paramLabel = "DIR", description = "Evaluate on this data folder instead of the run's.")
    String data;

    @Option(names = "--bn-recal-batches", paramLabel = "N", description = "Training batches for BN re-estimation (default: the run's).")
    Integer bnRecalBatches;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path configFile = run.resolve(RunRecorder.CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new UserError("--run " + run + ": no " + RunRecorder.CONFIG + " (not a run directory)");
        }
        RunConfig config;
        try {
            config = RunConfigJson.read(configFile);
        } catch (InvalidConfigException e) {
            throw UserError.of(e); // its heading names the file
        } catch (RuntimeException e) {
            throw new UserError(configFile + ": " + e.getMessage(), e);
        }
        RunConfig.Builder b = config.toBuilder();
        if (data != null) {
            b.data(DataPaths.resolve(data).toString());
        }
        if (bnRecalBatches != null) {
            b.bnRecalBatches(bnRecalBatches);
        }
        config = b.build();
        Path ckpt = checkpoint != null ? checkpoint : run.resolve(RunRecorder.CHECKPOINT);
        if (!Files.isRegularFile(ckpt)) {
            throw new UserError(ckpt + ": no checkpoint (the run may not have finished)");
        }
        threads.apply(config.threads());
        LoadedData loaded = DataPaths.load(Path.of(config.data()), config.imageSize());
        CheckpointEvaluation.Result r;
        try {
            r = CheckpointEvaluation.evaluate(config, loaded, ckpt);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf(Locale.ROOT, "{\"test_images\": %d, \"test_acc_soft\": %s, \"test_acc_snapped\": %s, "
                    + "\"test_acc_snapped_bn\": %s}%n", r.testImages(), num(r.soft()), num(r.snapped()), num(r.snappedBn()));
        } else {
            out.printf(Locale.ROOT, "%d test images: soft %.2f%%", r.testImages(), r.soft());
            if (!Double.isNaN(r.snapped())) {
                out.printf(Locale.ROOT, "  snapped %.2f%%  snapped+BN %.2f%%", r.snapped(), r.snappedBn());
            }
            out.println();
        }
        return 0;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }
}
