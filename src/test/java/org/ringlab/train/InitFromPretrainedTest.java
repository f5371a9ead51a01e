package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.quant.RingMode;
import org.ringlab.train.init.InitReport;

/**
 * {@code init-from}: a LeNet trained in FP32 here for a few hundred steps on sample MNIST, then each
 * method started from it. Epoch 0 is the network as initialised (no step yet): FP32 reproduces the
 * FP32 network exactly and LSQ at 8 bits within {@link #LSQ8_TOLERANCE} percentage points.
 */
class InitFromPretrainedTest {
    /** 300 test images: one image is 0.33 points; 8-bit LSQ may flip a few of them. */
    static final double LSQ8_TOLERANCE = 1.0;

    @TempDir
    static Path runs;
    static Path fp32Run;
    static double fp32Soft;

    private static RunConfig.Builder base() {
        return RunConfig.defaults().toBuilder().data(SampleData.dir().toString()).limitTest(300).testBatchSize(300)
                .bnRecalBatches(2).snapshotEvery(1000);
    }

    @BeforeAll
    static void trainFp32() throws IOException {
        RunConfig c = base().method(Method.FP32).limitTrain(2048).batchSize(32).epochs(1).build();
        fp32Run = runs.resolve("fp32");
        Files.createDirectories(fp32Run);
        RunConfigJson.write(c, fp32Run.resolve(RunRecorder.CONFIG));
        TrainingOutcome outcome = new Trainer(c, SampleData.mnist()).checkpointTo(fp32Run.resolve(RunRecorder.CHECKPOINT))
                .run(new RecordingListener(), new RunControl());
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        fp32Soft = outcome.last().testAccSoft();
        assertTrue(fp32Soft > 80, "the FP32 LeNet learned: " + fp32Soft + "%");
    }

    /** A run of {@code method} from the FP32 run, stopped before its first step: only epoch 0 happens. */
    private static RecordingListener startFrom(Method method, int bits, String from, Path dir, TrainingListener... more)
            throws IOException {
        RunConfig c = base().method(method).bits(bits).initFrom(from).limitTrain(512).batchSize(64).bnRecalBatches(4)
                .epochs(1).build();
        Files.createDirectories(dir);
        RecordingListener events = new RecordingListener();
        List<TrainingListener> all = new java.util.ArrayList<>(List.of(more));
        all.add(events);
        new Trainer(c, SampleData.mnist()).checkpointTo(dir.resolve(RunRecorder.CHECKPOINT))
                .run(Listeners.of(all.toArray(TrainingListener[]::new)), stoppedAtOnce());
        return events;
    }

    private static RunControl stoppedAtOnce() {
        RunControl control = new RunControl();
        control.stop();
        return control;
    }

    private static EpochMetrics epochZero(RecordingListener events) {
        assertFalse(events.epochs.isEmpty(), "no epoch reported: " + events.messages);
        EpochMetrics m = events.epochs.get(0);
        assertEquals(0, m.epoch(), "the first epoch reported is epoch 0");
        assertEquals(0, m.step(), "before the first step");
        assertTrue(Double.isNaN(m.trainLoss()), "no training loss at epoch 0");
        assertEquals(1, events.epochs.size(), "epoch 0 only: the run was stopped before its first step");
        return m;
    }

    @Test
    void fp32StartIsTheFp32NetworkExactly(@TempDir Path dir) throws IOException {
        EpochMetrics m = epochZero(startFrom(Method.FP32, 2, fp32Run.toString(), dir));
        assertEquals(fp32Soft, m.testAccSoft(), 0.0, "the same weights, BatchNorm statistics and test images");
        assertTrue(Double.isNaN(m.testAccSnapped()), "nothing to snap in FP32");
    }

    @Test
    void lsq8StartReproducesTheFp32AccuracyWithinTolerance(@TempDir Path dir) throws IOException {
        EpochMetrics m = epochZero(startFrom(Method.LSQ, 8, fp32Run.toString(), dir));
        assertEquals(fp32Soft, m.testAccSoft(), LSQ8_TOLERANCE, "soft (STE forward = quantized)");
        assertEquals(fp32Soft, m.testAccSnapped(), LSQ8_TOLERANCE, "snapped");
        assertTrue(Double.isFinite(m.testAccSnappedBn()));
        InitReport report = InitReport.read(dir.resolve(InitReport.FILE));
        assertEquals(List.of("conv1", "conv2", "fc1", "fc2"), report.layers().stream().map(InitReport.Layer::name)
                .toList());
        for (InitReport.Layer l : report.layers()) {
            assertEquals(1.0, l.scale(), 0.0, l.name() + ": LSQ keeps W's units");
            // rounding to the step s = 2·mean|W|/√127 leaves about s/√12 ≤ 2·rms(W)/√(127·12) = 0.051·rms(W)
            assertTrue(l.snappedError() < 0.052, l.name() + " relative weight error " + l.snappedError());
        }
        assertTrue(report.rule().contains("2·mean|W|/√Q_P"), report.rule());
    }

    @Test
    void ringSte2BitRecordsEpochZeroInMetricsCsvWithScalesAbsorbedByBatchNorm(@TempDir Path dir) throws IOException {
        RecordingListener events;
        try (RunRecorder files = new RunRecorder(dir)) {
            RunConfig ring4 = base().ringSize(4).ringMode(RingMode.UNIFORM).build();
            events = startFromRing(ring4, dir, files);
        }
        EpochMetrics m = epochZero(events);
        assertTrue(m.testAccSnapped() > 50, "2-bit ring from a " + fp32Soft + "% FP32 LeNet: snapped "
                + m.testAccSnapped() + "%");
        List<String> csv = Files.readAllLines(dir.resolve(RunRecorder.METRICS));
        assertEquals(2, csv.size(), "header and epoch 0: " + csv);
        assertTrue(csv.get(1).startsWith("0,0,,,"), "metrics.csv starts at epoch 0: " + csv.get(1));
        InitReport report = InitReport.read(dir.resolve(InitReport.FILE));
        assertEquals(4, report.layers().size());
        for (InitReport.Layer l : report.layers()) {
            // every quantized LeNet layer has a BatchNorm after it: the searched scale is absorbed there
            assertTrue(l.scale() > 0 && l.scale() != 1, l.name() + " scale " + l.scale());
            assertTrue(l.snappedError() < 0.9, l.name() + " relative weight error " + l.snappedError());
            System.out.printf("ring-ste 4 uniform %s: scale %.4f soft %.4f snapped %.4f%n", l.name(), l.scale(),
                    l.softError(), l.snappedError());
        }
        assertTrue(report.rule().contains("INFERRED"), report.rule());
    }

    private static RecordingListener startFromRing(RunConfig ring4, Path dir, TrainingListener files)
            throws IOException {
        RunConfig c = ring4.toBuilder().method(Method.RING_STE).initFrom(fp32Run.toString()).limitTrain(512)
                .batchSize(64).bnRecalBatches(4).epochs(1).build();
        RecordingListener events = new RecordingListener();
        new Trainer(c, SampleData.mnist()).checkpointTo(dir.resolve(RunRecorder.CHECKPOINT))
                .run(Listeners.of(files, events), stoppedAtOnce());
        return events;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ring", "twn", "ttq", "bitnet", "tequila", "dorefa", "pow2", "slq", "mlq", "hitnet", "admm",
        "stq", "hla"})
    void everyMethodStartsFromTheFp32Network(String key, @TempDir Path dir) throws IOException {
        Method method = Method.parse(key);
        EpochMetrics m = epochZero(startFrom(method, 4, fp32Run.toString(), dir));
        // random weights give about 10 %; every method starts far above that from an FP32 LeNet
        assertTrue(m.testAccSnappedBn() > 40, key + ": snapped+BN " + m.testAccSnappedBn() + "% (soft "
                + m.testAccSoft() + "%, snapped " + m.testAccSnapped() + "%)");
        System.out.printf("%s: epoch 0 soft %.2f snapped %.2f snapped+BN %.2f (FP32 %.2f) %s%n", key, m.testAccSoft(),
                m.testAccSnapped(), m.testAccSnappedBn(), fp32Soft, InitReport.read(dir.resolve(InitReport.FILE)).lines());
    }

    @Test
    void aQuantizedRunIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path lsqRun = dir.resolve("lsq");
        Files.createDirectories(lsqRun);
        RunConfigJson.write(base().method(Method.LSQ).build(), lsqRun.resolve(RunRecorder.CONFIG));
        RecordingListener events = startFrom(Method.LSQ, 4, lsqRun.toString(), dir.resolve("run"));
        assertEquals(RunStatus.FAILED, events.statuses.get(events.statuses.size() - 1));
        String message = events.messages.get(events.messages.size() - 1);
        assertTrue(message.contains("init-from " + lsqRun) && message.contains("only an FP32 run"), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(events.epochs.isEmpty(), "nothing was trained");
    }

    @Test
    void aMissingSourceIsOneLineNamingIt(@TempDir Path dir) throws IOException {
        RecordingListener events = startFrom(Method.RING, 2, "17", dir);
        String message = events.messages.get(events.messages.size() - 1);
        assertEquals(RunStatus.FAILED, events.statuses.get(events.statuses.size() - 1));
        assertTrue(message.startsWith("init-from 17: no such file or run folder"), message);
        assertFalse(message.contains("\n"), message);
    }
}
