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
