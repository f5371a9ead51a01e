package org.ringlab.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;

/** Writes tiny run directories as RunRecorder leaves them, for the table tests. */
public final class RunDirs {
    public static final String HEADER = "epoch,step,train_loss,train_acc,test_acc_soft,test_acc_snapped,"
            + "test_acc_snapped_bn,lr,images_per_s,seconds,elapsed_s\n";
    /** Metric columns of {@link #HEADER}: all but epoch and step. */
    public static final int METRICS = 9;

    private RunDirs() {
    }

    /** A reference triangle-8 LeNet run, two epochs, soft accuracy 0.9 then {@code finalSoft}. */
    public static Path ring(Path parent, String dir, long seed, double finalSoft) throws IOException {
        RunConfig config = RunConfig.defaults().toBuilder().seed(seed).name("tri8 seed " + seed)
                .out(parent.resolve(dir).toString()).build();
        return write(parent.resolve(dir), config, HEADER
                + "1,100,0.5,0.8,0.9,0.85,0.88,0.001,1000,10.0,10.0\n"
                + "2,200,0.3,0.9," + finalSoft + ",0.86,0.89,0.001,1000,10.0,20.5\n");
    }

    /** An FP32 MLP run: three epochs, snapped cells empty, best soft accuracy at epoch 2. */
    public static Path fp32(Path parent, String dir) throws IOException {
        RunConfig config = RunConfig.defaults().toBuilder().method(Method.FP32)
                .model(org.ringlab.config.ModelKind.MLP).build();
        return write(parent.resolve(dir), config, HEADER
                + "1,100,0.5,0.8,0.95,,,0.001,1000,10.0,10.0\n"
                + "2,200,0.3,0.9,0.97,,,0.001,1000,10.0,20.0\n"
                + "3,300,0.2,0.95,0.96,,,0.001,1000,10.0,30.0\n");
    }

    public static Path write(Path dir, RunConfig config, String metricsCsv) throws IOException {
        Files.createDirectories(dir);
        RunConfigJson.write(config, dir.resolve("config.json"));
        Files.writeString(dir.resolve("metrics.csv"), metricsCsv);
        Files.writeString(dir.resolve("run.json"), "{\"status\": \"finished\", \"started\": \"2025-01-01T00:00:00Z\"}");
        return dir;
    }
}
