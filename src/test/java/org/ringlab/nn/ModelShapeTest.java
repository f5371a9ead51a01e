package org.ringlab.nn;

import org.ringlab.config.ModelKind;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/** The sizes worked out without building agree with the models ModelFactory builds. */
class ModelShapeTest {
    private static final Ring RING8 = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);

    private static long built(ModelSpec spec) {
        BuiltModel m = ModelFactory.build(spec);
        try (NDManager manager = NDManager.newBaseManager()) {
            m.block().initialize(manager, DataType.FLOAT32, m.inputShape(1));
            return m.parameterCount();
        }
    }

    @Test
    void parameterCountsTheCodeAlreadyKnows() {
        assertEquals(62_158, ModelShape.of(new ModelSpec(ModelKind.LENET, 1, 28, 28, 10, RING8, true, true, true,
                false)).parameters());
        assertEquals(61_706, ModelShape.of(new ModelSpec(ModelKind.LENET, 1, 28, 28, 10, null, false, false, true,
                false)).parameters());
        assertEquals(203_530, ModelShape.of(new ModelSpec(ModelKind.MLP, 1, 28, 28, 10, RING8, true, false, true,
                false)).parameters());
        ModelShape resnet20 = ModelShape.of(new ModelSpec(ModelKind.RESNET20, 3, 32, 32, 10, RING8, false, true,
                true, false));
        assertEquals(272_474, resnet20.parameters());
        // every convolution is a ring layer, the classifier stays FP32
        assertEquals(270_256, resnet20.quantizedWeights());
    }

    @Test
    void agreesWithBuiltModelsOnOtherShapes() {
        for (ModelSpec spec : new ModelSpec[] {
            new ModelSpec(ModelKind.LENET, 3, 32, 32, 10, RING8, true, true, true, true),
            new ModelSpec(ModelKind.LENET, 1, 61, 47, 7, null, false, true, true, false),
            new ModelSpec(ModelKind.RESNET32, 1, 28, 28, 47, null, false, true, true, false),
            new ModelSpec(ModelKind.RESNET44, 3, 17, 33, 10, RING8, false, true, false, false)}) {
            assertEquals(built(spec), ModelShape.of(spec).parameters(), spec.toString());
        }
    }

    @Test
    void aLargeInputIsMeasuredWithoutBuildingIt() {
        // 2048×2048 images make LeNet's first linear layer 16·510·510 × 120
        ModelShape big = ModelShape.of(new ModelSpec(ModelKind.LENET, 1, 2048, 2048, 10, RING8, true, true, true,
                false));
        assertEquals(499_406_158L, big.parameters());
    }

    @Test
    void activationsFollowTheLayerOutputs() {
        // MLP 784-256-10 with BatchNorm: fc1 256, BN 256, ReLU 256, fc2 10
        ModelShape mlp = ModelShape.of(new ModelSpec(ModelKind.MLP, 1, 28, 28, 10, null, false, true, true,
                false));
        assertEquals(256 * 3 + 10, mlp.activationsPerSample());
        assertEquals(256, mlp.largestActivationPerSample());
    }
}
