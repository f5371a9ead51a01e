package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.data.LoadedData;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.FigureWriter;
import org.ringlab.probe.FeatureProbe;
import org.ringlab.probe.ProbeFigure;
import org.ringlab.probe.ProbeResult;
import org.ringlab.probe.ProbeTable;
import org.ringlab.store.RunRef;
import org.ringlab.store.RunStore;
import org.ringlab.tables.TableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ringlab probe}: the feature-discrimination probe of a quantized run against its FP32 network. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Feature discrimination per layer (Lu, Chen, Li 2025; docs/methods/probe.md): "
            + "D = E[squared distance between classes] / E[squared distance within a class] of each layer's "
            + "features, for the FP32 network and for the quantized run (snapped weights), on a fixed "
            + "class-balanced sample of test images; also D of the FP32 features through the paper's binary "
            + "and ternary thresholds, and Fisher's trace ratio J.",
            "INFERRED (RingLab's procedure, not the paper's): the probe points (each residual "
            + "block's or hidden layer's output after its BatchNorm and ReLU, and the logits), global average "
            + "pooling of conv features, per-dimension standardisation, and the threshold tau = kappa * mean|x|."})
final class ProbeCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "RUN",
            description = "The quantized run: a run directory of 'ringlab train', a workspace run's folder "
                + "(W/runs/3), or with --workspace a workspace run's id.")
    String run;

    @Option(names = "--fp32", paramLabel = "RUN_OR_PTH",
            description = "The FP32 network: an FP32 run (as --run) or a PyTorch FP32 state dict (.pth) of the "
                + "run's architecture. Default: the run's init-from.")
    String fp32;

    @Option(names = "--workspace", paramLabel = "DIR", description = "The workspace whose runs a numeric --run or "
            + "--fp32 names.")
    Path workspace;

    @Option(names = "--images", paramLabel = "N", defaultValue = "" + FeatureProbe.DEFAULT_IMAGES,
            description = "Class-balanced sample of test images (default: ${DEFAULT-VALUE}; at most the test split).")
    int images;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + FeatureProbe.DEFAULT_SEED,
            description = "The sample's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--kappa", paramLabel = "K", defaultValue = "" + FeatureProbe.DEFAULT_KAPPA,
            description = "Threshold of the binary and ternary feature quantizers, tau = K * mean|x| (INFERRED; "
                + "default: ${DEFAULT-VALUE}).")
    double kappa;

    @Option(names = "--data", paramLabel = "DIR", description = "Read the images from this data folder instead of "
            + "the run's.")
    String data;

    @Option(names = "--format", defaultValue = "md", paramLabel = "FORMAT",
            description = "Table format: md (markdown), csv, json or latex (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--digits", paramLabel = "N", defaultValue = "4",
            description = "Significant digits of the table's numbers (default: ${DEFAULT-VALUE}).")
    Integer digits;

    @Option(names = "--figure", paramLabel = "FILE", description = "Also draw D per layer into FILE (.svg, .pdf "
            + "or .png).")
    Path figure;

    @Mixin
    TableDestination destination;

    @Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TableFormat tableFormat = TableOutput.format(format.strip().equalsIgnoreCase("md") ? "markdown" : format);
        FigureFormat figureFormat = figure == null ? null : figureFormat(figure);
        FeatureProbe.Options options;
        try {
            options = new FeatureProbe.Options(images, seed, kappa);
        } catch (IllegalArgumentException e) {
            throw new UserError("--" + e.getMessage(), e);
        }
        Path runFolder = folder("--run", run);
        RunConfig config;
        try {
            config = FeatureProbe.runConfig(runFolder);
        } catch (IOException e) {
            throw new UserError("--run " + e.getMessage(), e);
        }
        if (config.method() == Method.FP32) {
            throw new UserError("--run " + runFolder + ": an FP32 run; the probe compares a quantized run with its "
                    + "FP32 network (--fp32)");
        }
        Path reference = fp32 != null ? folderOrFile("--fp32", fp32) : initFrom(config, runFolder);
        threads.apply(config.threads());
        LoadedData loaded = DataPaths.load(data != null ? DataPaths.resolve(data) : Path.of(config.data()),
                config.imageSize());
        ProbeResult result;
        try {
            result = FeatureProbe.run(runFolder, reference, loaded, options, org.ringlab.probe.ProbeProgress.NONE);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        // a csv, json or latex table on standard output stays one parseable document
        if (destination.out != null || tableFormat == TableFormat.MARKDOWN) {
            out.printf(Locale.ROOT, "%d test images (seed %d): accuracy FP32 %.2f%%, quantized (snapped) %.2f%%; "
                    + "FP32 from %s%n", result.images(), result.seed(), result.fp32Accuracy(),
                    result.quantizedAccuracy(), result.fp32());
        }
        destination.write(ProbeTable.of(result), tableFormat, digits);
        if (figure != null) {
            try {
                FigureWriter.write(ProbeFigure.of(result, "Feature discrimination per layer"), figureFormat,
                        FigureSize.of(FigureSize.SINGLE_COLUMN, null, 300), figure);
            } catch (IOException e) {
                throw new UserError("--figure " + figure + ": cannot write: " + e.getMessage(), e);
            }
            out.printf("wrote %s%n", figure);
        }
        return 0;
    }

    private static FigureFormat figureFormat(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return FigureArguments.format("--figure", dot < 0 ? name : name.substring(dot + 1));
    }

    /** A run named by --run: a folder, or an id of --workspace. */
    private Path folder(String option, String text) {
        RunRef ref = RunRef.parse(text, workspace);
        if (ref.inWorkspace() && !Files.isRegularFile(ref.workspace().resolve(RunStore.DATABASE))) {
            throw new UserError("--workspace " + ref.workspace() + ": not a workspace (it holds no "
                    + RunStore.DATABASE + ")");
        }
        if (!Files.isDirectory(ref.folder())) {
            throw new UserError(option + " " + text + ": no such run directory"
                    + (workspace == null && text.strip().matches("[0-9]+")
                            ? "; for run " + text.strip() + " of a workspace add --workspace DIR" : ""));
        }
        return ref.folder();
    }

    /** --fp32: a run (folder or workspace id) or a state dict file. */
    private Path folderOrFile(String option, String text) {
        Path p = Path.of(text.strip());
        return Files.isRegularFile(p) ? p : folder(option, text);
    }

    /** The run's own FP32 starting point: its init-from. */
    private static Path initFrom(RunConfig config, Path runFolder) {
        try {
            return FeatureProbe.initFrom(runFolder, config);
        } catch (IOException e) {
            throw new UserError("--fp32: not given, and run " + e.getMessage(), e);
        }
    }
}
