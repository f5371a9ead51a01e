package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.ModelKind;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.ModelSpec;

/**
 * An update that blows a parameter or latent up (a finite gradient times --lr 1e308) ends the run
 * as diverged, naming the parameter, whatever the method: before, ring runs failed with a lookup
 * index of −2⁶³, TWN trained on and LSQ failed with its own message.
 */
class ParameterDivergenceTest {

    @Test
    void aStepThatOverflowsAWeightNamesIt() {
        BuiltModel model = ModelFactory.build(new ModelSpec(ModelKind.MLP, 1, 28, 28, 10, null, false, false,
                true, false));
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            TrainingStep step = TrainingStep.sgd(model, new ParameterStore(root, false), root, 0, 0, 0);
            TrainingStep.Result result;
            try (NDManager stepManager = root.newSubManager()) {
                result = step.run(root.randomNormal(model.inputShape(4)), root.zeros(new Shape(4), DataType.INT64),
                        new int[4], 1e300, stepManager);
            }
            assertTrue(Float.isFinite(result.loss()), "the loss of that step was finite: " + result.loss());
            assertTrue(result.diverged(), "an infinite weight is a divergence");
            assertTrue(result.divergence().startsWith("the update made ") && result.divergence().contains("weight")
                    && result.divergence().endsWith(" NaN or infinite"), result.divergence());
        }
    }

    @Test
    void largeButFiniteWeightsAreNoDivergence() {
        BuiltModel model = ModelFactory.build(new ModelSpec(ModelKind.MLP, 1, 28, 28, 10, null, false, false,
                true, false));
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            // 200,704 weights of 3e38 sum past float's range; each is still finite
            model.trainableParameters().get(0).getValue().getArray().muli(0f).addi(3e38f);
            TrainingStep step = TrainingStep.sgd(model, new ParameterStore(root, false), root, 0, 0, 0);
            try (NDManager stepManager = root.newSubManager()) {
                TrainingStep.Result result = step.run(root.zeros(model.inputShape(4)),
                        root.zeros(new Shape(4), DataType.INT64), new int[4], 0, stepManager);
                assertFalse(result.diverged(), result.divergence());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"RING", "TWN", "LSQ", "FP32"})
    void aHugeLearningRateEndsEveryMethodAsDiverged(Method method) {
        RunConfig config = RunConfig.defaults().toBuilder().data(SampleData.dir().toString()).method(method)
                .lr(1e308).epochs(1).limitTrain(256).limitTest(64).batchSize(64).bnRecalBatches(1).build();
        RecordingListener events = new RecordingListener();
        TrainingOutcome outcome = new Trainer(config, SampleData.mnist()).run(events, new RunControl());
        assertEquals(RunStatus.DIVERGED, outcome.status(), outcome.message());
        assertTrue(outcome.message().contains("the update made ") && outcome.message().contains(" NaN or infinite"),
                outcome.message());
        assertEquals(RunStatus.DIVERGED, events.statuses.get(events.statuses.size() - 1));
    }
}
