package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;

/** The trainer really calls the quantizers' hooks: ADMM's G-steps happen during a run, and only where declared. */
class QuantizerHooksTest {

    @Test
    void theTrainerRunsAdmmsGStepsAtTheirBoundaries() {
        // 256 images in batches of 64: 4 steps per epoch, 2 epochs, a G-step every half epoch → 4 G-steps
        RunConfig config = RunConfig.defaults().toBuilder().data(SampleData.dir().toString()).method(Method.ADMM)
                .admmEvery(0.5).limitTrain(256).limitTest(64).batchSize(64).epochs(2).snapshotEvery(1)
                .bnRecalBatches(1).build();
        RecordingListener events = new RecordingListener();
        TrainingOutcome outcome = new Trainer(config, SampleData.mnist()).run(events, new RunControl());
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        Map<String, Double> first = events.snapshots.get(1).layers().get(0).latent().scalars();
        assertEquals(1, events.snapshots.get(1).step());
        assertFalse(first.containsKey("codes changed"), "no G-step after step 1: " + first);
        assertEquals(1e-3, first.get("ρ"), 1e-15);
        Map<String, Double> last = events.snapshots.get(events.snapshots.size() - 1).layers().get(0).latent().scalars();
        assertTrue(last.containsKey("codes changed"), "the G-step ran in the trainer: " + last);
        assertEquals(1e-3 * Math.pow(1.1, 4), last.get("ρ"), 1e-12, "four G-steps in two epochs");
    }

    @Test
    void methodsWithoutAPenaltyAddNothing() {
        for (Method method : new Method[] {Method.TWN, Method.LSQ, Method.RING}) {
            BuiltModel model = ModelFactory.build(ModelBuilder.spec(RunConfig.builder().method(method).build(), 1, 28,
                    28, 10));
            try (NDManager root = NDManager.newBaseManager()) {
                model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
                assertNull(QuantizerHooks.penalty(model, root), method.key());
            }
        }
        BuiltModel admm = ModelFactory.build(ModelBuilder.spec(RunConfig.builder().method(Method.ADMM).build(), 1, 28,
                28, 10));
        try (NDManager root = NDManager.newBaseManager()) {
            admm.block().initialize(root, DataType.FLOAT32, admm.inputShape(1));
            NDArray p = QuantizerHooks.penalty(admm, root);
            assertNotNull(p);
            assertTrue(p.toFloatArray()[0] > 0, "W⁰ is not its own projection");
        }
    }
}
