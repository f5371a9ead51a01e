package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.ringlab.config.ModelKind;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.ModelSpec;

/**
 * A gradient that overflows while the loss stays finite must stop the step before the optimiser
 * writes it into the parameters, and say which parameter it was.
 */
class GradientGuardTest {

    @Test
    void infiniteGradientUnderFiniteLossUpdatesNothingAndNamesTheParameter() {
        BuiltModel model = ModelFactory.build(new ModelSpec(ModelKind.MLP, 1, 28, 28, 10, null, false, false,
                true, false));
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            List<Pair<String, Parameter>> params = model.trainableParameters();
            // h = relu(W1·x) ≈ 784·1e-30·1e10 stays tiny, logits = W2·h ≈ (k+1)·2e15 keep the loss
            // finite, but dL/dW1 = (W2ᵀ·δ)·xᵀ ≈ 9e30·1e10 overflows float32 (W2's rows differ, so
            // W2ᵀ·δ does not cancel)
            String first = null;
            for (Pair<String, Parameter> p : params) {
                NDArray a = p.getValue().getArray();
                if (p.getKey().toLowerCase(Locale.ROOT).contains("bias")) {
                    a.muli(0f);
                } else if (first == null) {
                    first = p.getKey();
                    a.muli(0f).addi(1e-30f);
                } else {
                    a.muli(0f).addi(1e30f).muli(root.arange(1f, a.getShape().get(0) + 1f).reshape(-1, 1));
                }
            }
            List<float[]> before = new ArrayList<>();
            params.forEach(p -> before.add(p.getValue().getArray().toFloatArray()));

            ParameterStore store = new ParameterStore(root, false);
            TrainingStep step = new TrainingStep(model, store, new AdamOptimizer(root, 0.9, 0.999, 1e-8, 0), false,
                    true, 5.0);
            NDArray x = root.ones(model.inputShape(4)).mul(1e10f);
            NDArray y = root.zeros(new Shape(4), DataType.INT64);
            TrainingStep.Result result;
            try (NDManager stepManager = root.newSubManager()) {
                result = step.run(x, y, new int[4], 1e-3, stepManager);
            }

            assertTrue(Float.isFinite(result.loss()), "the loss itself is finite: " + result.loss());
            assertTrue(result.diverged(), "an infinite gradient is a divergence");
            assertTrue(result.divergence().contains(first), result.divergence());
            for (Pair<String, Parameter> p : params) {
                if (!p.getKey().equals(first)) {
                    assertFalse(result.divergence().contains(p.getKey()), "only " + first + ": " + result.divergence());
                }
            }
            for (int i = 0; i < params.size(); i++) {
                assertArrayEquals(before.get(i), params.get(i).getValue().getArray().toFloatArray(),
                        params.get(i).getKey() + " must be left as it was");
            }
        }
    }

    @Test
    void finiteStepIsNoDivergence() {
        BuiltModel model = ModelFactory.build(new ModelSpec(ModelKind.MLP, 1, 28, 28, 10, null, false, false,
                true, false));
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            TrainingStep step = new TrainingStep(model, new ParameterStore(root, false),
                    new AdamOptimizer(root, 0.9, 0.999, 1e-8, 0), false, true, 0);
            try (NDManager stepManager = root.newSubManager()) {
                TrainingStep.Result result = step.run(root.randomNormal(model.inputShape(4)),
                        root.zeros(new Shape(4), DataType.INT64), new int[4], 1e-3, stepManager);
                assertFalse(result.diverged(), result.divergence());
            }
        }
    }
}
