package org.ringlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigValidatorTest {

    /** Each rule once broken, with the single violation it must produce. */
    static Stream<Arguments> broken() {
        return Stream.of(
                rule("ring-size too small", b -> b.ringSize(1), "ring-size 1: a ring needs 2..64 slots"),
                rule("ring-size too large", b -> b.ringSize(65), "ring-size 65: a ring needs 2..64 slots"),
                rule("sigma zero", b -> b.sigma(0.0), "sigma 0: must be > 0"),
                rule("sigma infinite", b -> b.sigma(Double.POSITIVE_INFINITY),
                        "sigma Infinity: must be finite"),
                rule("lr negative", b -> b.lr(-0.1), "lr -0.1: must be > 0"),
                rule("lr NaN", b -> b.lr(Double.NaN), "lr NaN: must be finite"),
                rule("momentum 1", b -> b.momentum(1.0), "momentum 1: must be in [0, 1)"),
                rule("momentum negative", b -> b.momentum(-0.5), "momentum -0.5: must be in [0, 1)"),
                rule("nesterov without momentum", b -> b.nesterov(true).momentum(0),
                        "nesterov true: requires momentum > 0 (momentum = 0)"),
                rule("weight-decay negative", b -> b.weightDecay(-1e-4),
                        "weight-decay -0.0001: must be >= 0"),
                rule("adam-beta1 1", b -> b.adamBeta1(1.0), "adam-beta1 1: must be in [0, 1)"),
                rule("adam-beta2 negative", b -> b.adamBeta2(-0.1), "adam-beta2 -0.1: must be in [0, 1)"),
                rule("adam-eps zero", b -> b.adamEps(0), "adam-eps 0: must be > 0"),
                rule("epochs zero", b -> b.epochs(0), "epochs 0: must be >= 1"),
                rule("epochs zero, bad warmup", b -> b.epochs(0).warmupEpochs(-1),
                        "epochs 0: must be >= 1", "warmup-epochs -1: must be >= 0"),
                rule("epochs zero, milestone past it",
                        b -> b.epochs(0).schedule(ScheduleSpec.parse("multistep:5:0.1")),
                        "epochs 0: must be >= 1"),
                rule("batch-size zero", b -> b.batchSize(0), "batch-size 0: must be 1..65536"),
                rule("batch-size huge", b -> b.batchSize(65537), "batch-size 65537: must be 1..65536"),
                rule("test-batch-size zero", b -> b.testBatchSize(0),
                        "test-batch-size 0: must be 1..65536"),
                rule("milestone past the end", b -> b.schedule(ScheduleSpec.parse("multistep:2,5:0.1")),
                        "schedule multistep:2,5:0.1: milestone 5 is past the last epoch (epochs = 3)"),
                rule("milestone at the end", b -> b.schedule(ScheduleSpec.parse("multistep:3:0.1")),
                        "schedule multistep:3:0.1: milestone 3 is past the last epoch (epochs = 3)"),
                rule("milestone zero", b -> b.schedule(ScheduleSpec.parse("multistep:0,1:0.1")),
                        "schedule multistep:0,1:0.1: milestone 0 must be >= 1"),
                rule("milestones decreasing",
                        b -> b.epochs(10).schedule(ScheduleSpec.multistep(new int[] {5, 2, 1}, 0.1)),
                        "schedule multistep:5,2,1:0.1: milestones must increase"),
                rule("no milestones", b -> b.schedule(ScheduleSpec.multistep(new int[0], 0.1)),
                        "schedule multistep::0.1: multistep needs at least one milestone"),
                rule("gamma zero", b -> b.schedule(ScheduleSpec.parse("multistep:1:0")),
                        "schedule multistep:1:0: gamma must be a finite number > 0"),
                rule("warmup as long as training", b -> b.warmupEpochs(3),
                        "warmup-epochs 3: must be in [0, epochs) (epochs = 3)"),
                rule("warmup negative", b -> b.warmupEpochs(-0.5),
                        "warmup-epochs -0.5: must be in [0, epochs) (epochs = 3)"),
                rule("clip-norm negative", b -> b.clipNorm(-1), "clip-norm -1: must be >= 0"),
                rule("snapshot-every zero", b -> b.snapshotEvery(0), "snapshot-every 0: must be >= 1"),
                rule("checkpoint-every zero", b -> b.checkpointEvery(0), "checkpoint-every 0: must be >= 1"),
                rule("snapshot-sub-bins zero", b -> b.snapshotSubBins(0),
                        "snapshot-sub-bins 0: must be 1..64"),
                rule("snapshot-sub-bins too many", b -> b.snapshotSubBins(65),
                        "snapshot-sub-bins 65: must be 1..64"),
                rule("bn-recal-batches negative", b -> b.bnRecalBatches(-1),
                        "bn-recal-batches -1: must be >= 0"),
                rule("limit-train negative", b -> b.limitTrain(-1), "limit-train -1: must be >= 0"),
                rule("limit-test negative", b -> b.limitTest(-5), "limit-test -5: must be >= 0"),
                rule("threads negative", b -> b.threads(-2), "threads -2: must be >= 0"),
                rule("resnet without batch norm", b -> b.model(ModelKind.RESNET32).batchNorm(false),
                        "batch-norm false: ResNets always use BatchNorm"));
    }

    /** The passing side of each rule, at or near its boundary. */
    static Stream<Arguments> valid() {
        return Stream.of(
                ok("ring-size 2", b -> b.ringSize(2)),
                ok("ring-size 64", b -> b.ringSize(64)),
                ok("ring-size ignored without a ring", b -> b.method(Method.FP32).ringSize(0)),
                ok("sigma small", b -> b.sigma(1e-6)),
                ok("lr tiny", b -> b.lr(1e-9)),
                ok("momentum 0.999", b -> b.momentum(0.999)),
                ok("momentum 0", b -> b.momentum(0)),
                ok("nesterov with momentum", b -> b.nesterov(true).momentum(0.9)),
                ok("weight-decay positive", b -> b.weightDecay(5e-4)),
                ok("adam betas 0", b -> b.adamBeta1(0).adamBeta2(0)),
                ok("adam-eps tiny", b -> b.adamEps(1e-12)),
                ok("epochs 1", b -> b.epochs(1)),
                ok("batch sizes at the bounds", b -> b.batchSize(1).testBatchSize(65536)),
                ok("milestones inside", b -> b.epochs(200).schedule(ScheduleSpec.parse("multistep:100,150:0.1"))),
                ok("milestones at the edges", b -> b.epochs(3).schedule(ScheduleSpec.parse("multistep:1,2:0.1"))),
                ok("cosine", b -> b.schedule(ScheduleSpec.COSINE)),
                ok("warmup just under epochs", b -> b.warmupEpochs(2.99)),
                ok("clip-norm off", b -> b.clipNorm(0)),
                ok("snapshot bounds", b -> b.snapshotEvery(1).snapshotSubBins(64)),
                ok("snapshot-sub-bins 1", b -> b.snapshotSubBins(1)),
                ok("zero counts", b -> b.bnRecalBatches(0).limitTrain(0).limitTest(0).threads(0)),
                ok("positive counts", b -> b.bnRecalBatches(10).limitTrain(100).limitTest(50).threads(2)),
                ok("resnet with batch norm", b -> b.model(ModelKind.RESNET44).batchNorm(true)),
                ok("lenet without batch norm", b -> b.model(ModelKind.LENET).batchNorm(false)),
                ok("missing data folder unchecked without probe", b -> b.data("/no/such/folder")));
    }

    private static Arguments rule(String name, UnaryOperator<RunConfig.Builder> change,
            String... expected) {
        return Arguments.of(name, change, List.of(expected));
    }

    private static Arguments ok(String name, UnaryOperator<RunConfig.Builder> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenRuleIsReported(String name, UnaryOperator<RunConfig.Builder> change,
            List<String> expected) {
        RunConfig config = change.apply(RunConfig.builder()).build();
        assertEquals(expected, config.validate(null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validValueIsAccepted(String name, UnaryOperator<RunConfig.Builder> change) {
        RunConfig config = change.apply(RunConfig.builder()).build();
        assertEquals(List.of(), config.validate(null));
    }

    @Test
    void allViolationsAreReportedInOneException() {
        RunConfig config = RunConfig.builder().ringSize(1).lr(-0.1).batchSize(0)
                .schedule(ScheduleSpec.parse("multistep:2,5:0.1"))
                .model(ModelKind.RESNET20).batchNorm(false).build();
        InvalidConfigException e =
                assertThrows(InvalidConfigException.class, () -> config.validateOrThrow(null));
        assertEquals("""
                Invalid run configuration:
                  batch-norm false: ResNets always use BatchNorm
                  ring-size 1: a ring needs 2..64 slots
                  lr -0.1: must be > 0
                  batch-size 0: must be 1..65536
                  schedule multistep:2,5:0.1: milestone 5 is past the last epoch (epochs = 3)""",
                e.getMessage());
        assertEquals(5, e.problems().size());
    }

    @Test
    void validateOrThrowReturnsAValidConfig() {
        RunConfig config = RunConfig.defaults();
        assertSame(config, config.validateOrThrow(null));
    }

    @Test
    void aRuleBrokenTwiceIsReportedOnce() {
        RunConfig config = RunConfig.builder().epochs(10)
                .schedule(ScheduleSpec.multistep(new int[] {5, 4, 3}, 0.1)).build();
        assertEquals(List.of("schedule multistep:5,4,3:0.1: milestones must increase"),
                config.validate(null));
    }

    // --- data checks ---

    private static DataProbe probeReturning(DataDescription description) {
        return (dir, size) -> description;
    }

    private static final DataDescription MNIST =
            new DataDescription("idx", 1, 28, 28, 10, 60000, 10000);

    @Test
    void dataFolderMustExist(@TempDir Path tmp) {
        Path missing = tmp.resolve("nothing-here");
        RunConfig config = RunConfig.builder().data(missing.toString()).build();
        assertEquals(List.of("data " + missing + ": folder does not exist"),
                config.validate(probeReturning(MNIST)));
    }

    @Test
    void theProbeReadsTheDataAtTheConfiguredImageSize(@TempDir Path tmp) {
        int[] asked = new int[1];
        DataProbe probe = (dir, size) -> {
            asked[0] = size;
            return MNIST;
        };
        assertEquals(List.of(), RunConfig.builder().data(tmp.toString()).imageSize(64).build().validate(probe));
        assertEquals(64, asked[0]);
        assertEquals(List.of("image-size 0: must be 1..1024 pixels"),
                RunConfig.builder().imageSize(0).build().validate(null));
    }

    @Test
    void dataMustBeAFolder(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("data.txt"), "x");
        RunConfig config = RunConfig.builder().data(file.toString()).build();
        assertEquals(List.of("data " + file + ": is a file; expected a folder"),
                config.validate(probeReturning(MNIST)));
    }

    @Test
    void probeFailureIsReportedWithItsMessage(@TempDir Path tmp) {
        RunConfig config = RunConfig.builder().data(tmp.toString()).build();
        DataProbe failing = (dir, size) -> {
            throw new IOException(dir.resolve("train-images-idx3-ubyte") + ": bad magic number 0x1234");
        };
        assertEquals(List.of("data " + tmp + ": " + tmp.resolve("train-images-idx3-ubyte")
                + ": bad magic number 0x1234"), config.validate(failing));
    }

    @Test
    void imagesTooSmallForTheModel(@TempDir Path tmp) {
        DataDescription tiny = new DataDescription("idx", 1, 6, 28, 10, 100, 10);
        RunConfig config = RunConfig.builder().data(tmp.toString()).model(ModelKind.RESNET20).build();
        assertEquals(List.of("data " + tmp + " (1×6×28): resnet20 needs images of at least 8×8"),
                config.validate(probeReturning(tiny)));
    }

    @Test
    void lenetNeedsTwelvePixels(@TempDir Path tmp) {
        RunConfig config = RunConfig.builder().data(tmp.toString()).model(ModelKind.LENET).build();
        DataDescription eleven = new DataDescription("csv", 3, 11, 11, 2, 100, 10);
        DataDescription twelve = new DataDescription("csv", 3, 12, 12, 2, 100, 10);
        assertEquals(List.of("data " + tmp + " (3×11×11): lenet needs images of at least 12×12"),
                config.validate(probeReturning(eleven)));
        assertEquals(List.of(), config.validate(probeReturning(twelve)));
    }

    @Test
    void mlpTakesAnySize(@TempDir Path tmp) {
        RunConfig config = RunConfig.builder().data(tmp.toString()).model(ModelKind.MLP).build();
        DataDescription onePixel = new DataDescription("csv", 5, 1, 1, 2, 100, 10);
        assertEquals(List.of(), config.validate(probeReturning(onePixel)));
    }

    @Test
    void limitsCannotExceedTheData(@TempDir Path tmp) {
        RunConfig tooMany = RunConfig.builder().data(tmp.toString()).limitTrain(60001)
                .limitTest(10001).build();
        assertEquals(List.of(
                        "limit-train 60001: more than the 60000 training images in " + tmp,
                        "limit-test 10001: more than the 10000 test images in " + tmp),
                tooMany.validate(probeReturning(MNIST)));
        RunConfig exact = tooMany.toBuilder().limitTrain(60000).limitTest(10000).build();
        assertEquals(List.of(), exact.validate(probeReturning(MNIST)));
    }

    @Test
    void dataViolationsJoinTheOthers(@TempDir Path tmp) {
        RunConfig config = RunConfig.builder().data(tmp.toString()).model(ModelKind.RESNET20)
                .epochs(0).build();
        DataDescription tiny = new DataDescription("idx", 1, 4, 4, 10, 100, 10);
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> config.validateOrThrow(probeReturning(tiny)));
        assertEquals(List.of("epochs 0: must be >= 1",
                        "data " + tmp + " (1×4×4): resnet20 needs images of at least 8×8"),
                e.problems());
    }

    @Test
    void nullProbeSkipsTheDataChecks() {
        RunConfig config = RunConfig.builder().data("/no/such/folder").limitTrain(1_000_000).build();
        assertEquals(List.of(), config.validate(null));
    }
}
