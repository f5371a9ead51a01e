package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.interop.CheckpointAnalysis;
import org.ringlab.interop.ReferenceImporter;
import org.ringlab.interop.SnapStatistics;
import org.ringlab.interop.TorchCheckpoint;
import org.ringlab.quant.RingMode;
import org.ringlab.train.CheckpointEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ringlab import}: a published Ring Quantization checkpoint (PyTorch {@code .pth}), read with a
 * restricted unpickler, analysed (what its weights really are) and, given CIFAR-10, evaluated soft,
 * snapped and snapped after BatchNorm re-estimation.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read a reference PyTorch checkpoint safely (a pickle is a program: only the tensor and "
            + "collection operations a state dict needs are allowed), show what its weights really are, and "
            + "with --data evaluate it soft, snapped and snapped + BN re-estimated."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.pth", description = "A reference checkpoint (ResNet-20/32, ring or FP32).")
    Path file;

    @Option(names = "--data", paramLabel = "DIR", description = "A CIFAR-10 binary folder to evaluate on.")
    String data;

    @Option(names = "--bn-recal-batches", defaultValue = "200", paramLabel = "N",
            description = "Training batches for BN re-estimation (default: ${DEFAULT-VALUE}).")
    int bnRecalBatches;

    @Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TorchCheckpoint checkpoint;
        try {
            checkpoint = TorchCheckpoint.read(file);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        boolean ring = checkpoint.stateDict().containsKey("conv1.positions");
        ModelKind model = checkpoint.stateDict().keySet().stream().anyMatch(k -> k.startsWith("layer1.3."))
                ? ModelKind.RESNET32 : ModelKind.RESNET20;
        String kind = model.key() + (ring ? " ring" : " fp32");
        if (checkpoint.number("best_accuracy").isPresent()) {
            out.printf(Locale.ROOT, "%s: %s, stored best accuracy %.2f%% (soft weights, best epoch on the test set)%n",
                    file.getFileName(), kind, checkpoint.number("best_accuracy").getAsDouble());
        } else {
            // a bare state dict has no accuracy to show; say what was read rather than nothing at all
            long values = checkpoint.stateDict().values().stream().mapToLong(t -> t.size()).sum();
            int tensors = checkpoint.stateDict().size();
            out.printf(Locale.ROOT, "%s: %s state dict, %d tensor%s, %,d values, no stored accuracy%n",
                    file.getFileName(), kind, tensors, tensors == 1 ? "" : "s", values);
        }
        RunConfig.Builder config = RunConfig.defaults().toBuilder().model(model).method(ring ? Method.RING : Method.FP32)
                .testBatchSize(100).batchSize(128).bnRecalBatches(bnRecalBatches);
        if (ring) {
            CheckpointAnalysis analysis;
            try {
                analysis = CheckpointAnalysis.of(checkpoint);
            } catch (IOException e) {
                throw new UserError(e.getMessage(), e);
            }
            printAnalysis(out, analysis);
            config.ringType(analysis.ring().type()).ringSize(analysis.ring().size())
                    .ringMode(RingMode.REFERENCE);
        }
        if (data == null) {
            return 0;
        }
        threads.apply(0);
        LoadedData loaded = DataPaths.load(DataPaths.resolve(data), DataSets.DEFAULT_IMAGE_SIZE);
        CheckpointEvaluation.Result r;
        try {
            r = CheckpointEvaluation.evaluate(config.data(data).build(), loaded,
                    (built, manager) -> ReferenceImporter.load(checkpoint, built, manager));
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        out.printf(Locale.ROOT, "%d test images: soft %.2f%%", r.testImages(), r.soft());
        if (!Double.isNaN(r.snapped())) {
            out.printf(Locale.ROOT, "  snapped %.2f%%  snapped+BN %.2f%%", r.snapped(), r.snappedBn());
        }
        out.println();
        return 0;
    }

    private static void printAnalysis(PrintWriter out, CheckpointAnalysis a) {
        SnapStatistics t = a.total();
        out.printf(Locale.ROOT, "ring %s: %d distinct levels -> %d bit(s) per weight; %,d positions in %d layers%n",
                a.ring().label(), t.levels().length, t.fixedLengthBits(), t.positions(), a.layers().size());
        out.printf(Locale.ROOT, "soft weights in [%.3f, %.3f]; within 0.01 of a ring value %.1f%%, within 0.05 %.1f%%;"
                + " |soft - snapped| / |soft| = %.3f; negative %.0f%%%n", t.softMin(), t.softMax(),
                100 * t.withinOneHundredth(), 100 * t.withinOneTwentieth(), t.relativeL2(), 100 * t.negativeShare());
        StringBuilder codes = new StringBuilder();
        float[] levels = t.levels();
        long[] counts = t.codeCounts();
        for (int i = 0; i < levels.length; i++) {
            codes.append(String.format(Locale.ROOT, "%s%.4f: %,d", i == 0 ? "" : ", ", levels[i], counts[i]));
        }
        out.printf(Locale.ROOT, "snapped codes %s; entropy %.2f bit%n", codes, t.entropyBits());
        out.printf(Locale.ROOT, "compression if snapped: weights only %.1fx, whole model %.1fx (BN and classifier "
                + "in FP32); as shipped (fp32 positions): 1x%n", a.weightsOnlyCompression(), a.wholeModelCompression());
    }
}
