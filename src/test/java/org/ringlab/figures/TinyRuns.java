package org.ringlab.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunRecorder;

/** Writes small run directories in RunRecorder's format, so tests need no training. */
final class TinyRuns {
    static final String HEADER = String.join(",", MetricsColumns.ALL);

    private TinyRuns() {
    }

    /** A triangle-8 run with the given seed and per-epoch soft test accuracies, plus two snapshots. */
    static Path write(Path dir, long seed, double... softAccuracies) throws IOException {
        Files.createDirectories(dir);
        RunConfig config = RunConfig.builder().ringType(RingType.TRIANGLE).ringSize(8).ringMode(RingMode.REFERENCE)
                .epochs(softAccuracies.length).seed(seed).out(dir.toString()).build();
        RunConfigJson.write(config, dir.resolve(RunRecorder.CONFIG));
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int e = 0; e < softAccuracies.length; e++) {
            double soft = softAccuracies[e];
            lines.add(String.format(Locale.ROOT, "%d,%d,%.4f,%.2f,%.2f,%.2f,%.2f,0.001,1000,1.0,%d.0", e + 1,
                    100 * (e + 1), 1.0 / (e + 1), soft - 1, soft, soft - 20, soft - 5, e + 1));
        }
        Files.write(dir.resolve(RunRecorder.METRICS), lines);
        writeSteps(dir, softAccuracies.length, seed);
        ObjectMapper json = new ObjectMapper();
        List<String> snapshots = new ArrayList<>();
        for (int step : new int[] {0, 100}) {
            snapshots.add(json.writeValueAsString(new PositionSnapshot(step, step / 100, 0.0,
                    List.of(layer("conv1", step), layer("fc1", step)))));
        }
        Files.write(dir.resolve(RunRecorder.SNAPSHOTS), snapshots);
        Files.writeString(dir.resolve(RunRecorder.RUN_INFO), "{\"status\": \"finished\"}");
        return dir;
    }

    static final int STEPS_PER_EPOCH = 20;

    /** steps.csv: a noisy falling loss and rising accuracy, a constant learning rate. */
    static void writeSteps(Path dir, int epochs, long seed) throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<String> lines = new ArrayList<>(List.of(String.join(",", RunRecorder.STEP_COLUMNS)));
        int step = 0;
        for (int e = 1; e <= epochs; e++) {
            for (int i = 1; i <= STEPS_PER_EPOCH; i++) {
                step++;
                double loss = 2.0 / Math.sqrt(step) + 0.2 * random.nextDouble();
                double acc = Math.min(100, 60 + 10 * Math.log(step) + 5 * random.nextDouble());
                lines.add(String.format(Locale.ROOT, "%d,%d,%d,%d,%.6g,%.6g,0.001", step, e, i, STEPS_PER_EPOCH, loss,
                        acc));
            }
        }
        Files.write(dir.resolve(RunRecorder.STEPS), lines);
    }

    /** An LSQ W2 run named {@code name} (or unnamed for null) whose snapshots hold latent histograms. */
    static Path writeLatent(Path dir, String name, double... softAccuracies) throws IOException {
        Files.createDirectories(dir);
        RunConfig config = RunConfig.builder().method(org.ringlab.config.Method.LSQ).bits(2)
                .epochs(softAccuracies.length).seed(3).name(name).out(dir.toString()).build();
        RunConfigJson.write(config, dir.resolve(RunRecorder.CONFIG));
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int e = 0; e < softAccuracies.length; e++) {
            double soft = softAccuracies[e];
            lines.add(String.format(Locale.ROOT, "%d,%d,%.4f,%.2f,%.5f,%.5f,%.5f,0.001,1000,1.0,%d.0", e + 1,
                    STEPS_PER_EPOCH * (e + 1), 1.0 / (e + 1), soft - 1, soft, soft - 0.4123456, soft - 0.2, e + 1));
        }
        Files.write(dir.resolve(RunRecorder.METRICS), lines);
        writeSteps(dir, softAccuracies.length, 3);
        int[] bins = new int[40];
        for (int i = 0; i < bins.length; i++) {
            // mass piling up at the integer grid of v/s
            double v = -4.5 + 9.0 * (i + 0.5) / bins.length;
            bins[i] = (int) Math.round(200 * Math.exp(-8 * Math.pow(v - Math.rint(v), 2)));
        }
        List<org.ringlab.train.LatentHistogram.Line> grid = new ArrayList<>();
        for (int k = -2; k <= 1; k++) {
            grid.add(new org.ringlab.train.LatentHistogram.Line(k, Integer.toString(k)));
        }
        org.ringlab.train.LatentHistogram latent = new org.ringlab.train.LatentHistogram("v/s", -4.5, 4.5, bins, grid,
                false, new long[] {100, 400, 420, 80}, 0.031, 1.71, java.util.Map.of("s", 0.0123));
        LayerSnapshot layer = new LayerSnapshot("conv1", 0, 0, 1000, new int[0], new long[0], 0.031, 1.71, Double.NaN,
                latent);
        Files.write(dir.resolve(RunRecorder.SNAPSHOTS), List.of(new ObjectMapper().writeValueAsString(
                new PositionSnapshot(STEPS_PER_EPOCH, 1, 0.0, List.of(layer)))));
        Files.writeString(dir.resolve(RunRecorder.RUN_INFO), "{\"status\": \"finished\"}");
        return dir;
    }

    /** 8 slots × 4 sub-bins; later steps pile up at slot centres, as training does. */
    private static LayerSnapshot layer(String name, int step) {
        int[] histogram = new int[32];
        long[] slots = new long[8];
        for (int j = 0; j < histogram.length; j++) {
            boolean centre = j % 4 == 1 || j % 4 == 2;
            histogram[j] = step == 0 ? 10 : (centre ? 18 + j : 2);
            slots[j / 4] += histogram[j];
        }
        return new LayerSnapshot(name, 8, 4, 320, histogram, slots, step == 0 ? Double.NaN : 0.1, 2.9, 0.2);
    }
}
