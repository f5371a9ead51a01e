package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.config.DataDescription;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.OptimizerKind;
import org.ringlab.config.RunConfig;

/** Runs the machine cannot hold are refused before anything is loaded, with one line saying why. */
class MachineFitTest {
    private static final long GIB = 1L << 30;
    private static final DataDescription MNIST = new DataDescription("IDX", 1, 28, 28, 10, 60_000, 10_000);
    private static final MachineResources LAPTOP = new MachineResources(24 * GIB, 6 * GIB, 2);

    private static RunConfig.Builder config() {
        return RunConfig.defaults().toBuilder().data("sample-data");
    }

    @Test
    void theDefaultRunFitsAndItsEstimateIsNeitherZeroNorHuge() {
        MemoryEstimate e = MemoryEstimate.of(config().build(), MNIST);
        assertEquals(62_158, e.parameters());
        // Adam: weights, gradients and two moments
        assertEquals(62_158L * 4 * 4, e.model());
        assertTrue(e.total() > 256L << 20 && e.total() < GIB, MemoryEstimate.bytes(e.total()));
        assertEquals(List.of(), MachineFit.check(config().build(), MNIST, LAPTOP));
    }

    @Test
    void resnet44AtBatch65536IsRefusedNamingTheBatchSize() {
        RunConfig c = config().model(ModelKind.RESNET44).batchSize(65536).build();
        List<String> problems = MachineFit.check(c, MNIST, LAPTOP);
        assertEquals(1, problems.size(), problems.toString());
        String line = problems.get(0);
        assertTrue(line.startsWith("batch-size 65536: the run needs about "), line);
        // MNIST has 60,000 training images: a batch holds all of them
        assertTrue(line.contains("(activations ") && line.contains(" at batch size 65536 (60,000 images)), this "
                + "machine has 24.0 GiB of memory"), line);
        // the same run at the default batch size fits
        assertEquals(List.of(), MachineFit.check(config().model(ModelKind.RESNET44).build(), MNIST, LAPTOP));
    }

    @Test
    void hugeImagesAreRefusedBeforeTheModelGrowsTo499MillionParameters() {
        DataDescription big = new DataDescription("IDX", 1, 2048, 2048, 10, 3, 1);
        RunConfig c = config().build();
        MemoryEstimate e = MemoryEstimate.of(c, big);
        assertEquals(499_406_158L, e.parameters());
        List<String> problems = MachineFit.check(c, big, LAPTOP);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("model lenet on 1×2048×2048 images: the run needs about "),
                problems.get(0));
        assertTrue(problems.get(0).contains("for 499,406,158 parameters"), problems.get(0));
    }

    @Test
    void optimizerStateAndQuantizerCountPerParameter() {
        RunConfig sgd = config().method(Method.FP32).optimizer(OptimizerKind.SGD).momentum(0).build();
        RunConfig momentum = config().method(Method.FP32).optimizer(OptimizerKind.SGD).momentum(0.9).build();
        assertEquals(62_158L * 4 * 2, MemoryEstimate.of(sgd, MNIST).model() - 0);
        assertEquals(62_158L * 4 * 3, MemoryEstimate.of(momentum, MNIST).model());
        assertEquals(0, MemoryEstimate.of(sgd, MNIST).quantizer());
        assertTrue(MemoryEstimate.of(config().build(), MNIST).quantizer() > 0);
    }

    @Test
    void aLargerTestBatchIsWhatTheEstimateAndTheMessageFollow() {
        RunConfig c = config().model(ModelKind.RESNET44).batchSize(8).testBatchSize(65536).build();
        List<String> problems = MachineFit.check(c, MNIST, new MachineResources(GIB, GIB, 2));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("test-batch-size 65536: ")
                && problems.get(0).contains("at test batch size 65536"), problems.get(0));
    }

    @Test
    void aBatchIsNeverLargerThanTheImagesItIsDrawnFrom() {
        RunConfig huge = config().model(ModelKind.RESNET44).batchSize(65536).testBatchSize(65536).build();
        // 60,000 and 10,000 images: the batches hold that many, not 65,536
        assertEquals(MemoryEstimate.of(huge.toBuilder().batchSize(60_000).testBatchSize(10_000).build(), MNIST)
                .activations(), MemoryEstimate.of(huge, MNIST).activations());
        RunConfig limited = huge.toBuilder().limitTrain(100).limitTest(100).build();
        assertEquals(List.of(), MachineFit.check(limited, MNIST, LAPTOP));
    }

    @Test
    void aDataSetLargerThanTheHeapIsRefused() {
        DataDescription many = new DataDescription("IDX", 1, 28, 28, 10, 2_000_000, 10_000);
        List<String> problems = MachineFit.check(config().build(), many, new MachineResources(64 * GIB, GIB, 8));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("data sample-data: the data set needs about 1.5 GiB of Java heap"),
                problems.get(0));
    }

    @Test
    void threadsBeyondFourPerCoreAreRefused() {
        assertEquals(List.of(), MachineFit.check(config().threads(8).build(), null, LAPTOP));
        assertEquals(List.of("threads 9: more than 4 per core on this machine's 2 cores; use 1..8 (0 = one per core)"),
                MachineFit.check(config().threads(9).build(), null, LAPTOP));
    }

    /** The cases of issue 16, through the validation every command and the worker run. */
    @Test
    void validationOnThisMachineRefusesTheIssuesCases() {
        String data = SampleData.dir().toAbsolutePath().toString();
        List<String> memory = config().data(data).model(ModelKind.RESNET44).batchSize(65536).build()
                .validate(new DataSetProbe());
        assertEquals(1, memory.size(), memory.toString());
        assertTrue(memory.get(0).startsWith("batch-size 65536: the run needs about "), memory.get(0));
        for (int threads : new int[] {100_000, 1_000_000_000}) {
            List<String> many = config().data(data).threads(threads).build().validate(new DataSetProbe());
            assertEquals(1, many.size(), many.toString());
            assertTrue(many.get(0).startsWith("threads " + threads + ": more than 4 per core"), many.get(0));
        }
    }
}
