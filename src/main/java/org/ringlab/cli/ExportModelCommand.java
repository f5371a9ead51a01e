package org.ringlab.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.DataSets;
import org.ringlab.data.DataSummary;
import org.ringlab.export.QuantizedModelSize;
import org.ringlab.export.QuantizedModelWriter;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.train.Checkpoints;
import org.ringlab.train.ModelBuilder;
import org.ringlab.train.RunRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab export-model}: a run's snapped network as a packed {@code .rqm} file. */
@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = "Write a trained quantized model (any method but fp32) as a really-quantized file: per layer "
            + "the snapped codes packed at ceil(log2 distinct codes) bits plus what rebuilds the weights (a ring's "
            + "level table; another method's code values, scales or levels), and the float parts (BatchNorm, FP32 "
            + "layers), with a checksum. Prints its size next to the FP32 size.")
final class ExportModelCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A run directory written by 'ringlab train'.")
    Path run;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: DIR/model.rqm).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path configFile = run.resolve(RunRecorder.CONFIG);
        Path checkpoint = run.resolve(RunRecorder.CHECKPOINT);
        if (!Files.isRegularFile(configFile) || !Files.isRegularFile(checkpoint)) {
            throw new UserError("--run " + run + ": needs " + RunRecorder.CONFIG + " and " + RunRecorder.CHECKPOINT
                    + " (a finished run)");
        }
        RunConfig config;
        DataSummary data;
        try {
            config = RunConfigJson.read(configFile);
            data = DataSets.describe(DataPaths.resolve(config.data()), config.imageSize());
        } catch (RuntimeException | IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (!config.quantized()) {
            throw new UserError("--run " + run + ": an FP32 run has nothing to quantize");
        }
        Path file = out != null ? out : run.resolve("model.rqm");
        BuiltModel model = ModelFactory.build(ModelBuilder.spec(config, data.channels(), data.height(), data.width(),
                data.numClasses()));
        try (NDManager manager = NDManager.newBaseManager()) {
            model.block().initialize(manager, DataType.FLOAT32, model.inputShape(1));
            try {
                Checkpoints.load(model, manager, checkpoint);
            } catch (IOException e) {
                throw new UserError(e.getMessage(), e);
            }
            try {
                QuantizedModelWriter.write(config, model, file);
            } catch (IllegalArgumentException e) {
                throw new UserError("--run " + run + ": " + e.getMessage(), e);
            }
        }
        QuantizedModelSize size = QuantizedModelSize.of(file);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s%n", file);
        for (QuantizedModelSize.LayerBits l : size.layers()) {
            o.printf(Locale.ROOT, "  %-22s %,9d weights  %d levels  %d bits%s%n", l.layer(), l.weights(), l.levels(),
                    l.bits(), l.sideFloats() == 0 ? "" : String.format(Locale.ROOT, "  + %,d side floats",
                            l.sideFloats()));
        }
        o.printf(Locale.ROOT, "file %,d bytes (theory %,.0f + header %,d); FP32 %,d bytes; %.1fx smaller%n",
                size.fileBytes(), size.theoreticalBytes(), size.headerBytes(), size.fp32Bytes(),
                size.compressionRatio());
        return 0;
    }
}
