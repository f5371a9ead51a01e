package org.ringlab.nn;

import org.ringlab.config.ModelKind;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/** Parameter counts and layer choices match the reference models (peer README). */
class ModelFactoryTest {
    private static final Ring RING8 = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);

    private static long[] counts(ModelSpec spec) {
        BuiltModel m = ModelFactory.build(spec);
        try (NDManager manager = NDManager.newBaseManager()) {
            m.block().initialize(manager, DataType.FLOAT32, m.inputShape(2));
            long positions = 0;
            for (RingLayer l : m.ringLayers()) {
                positions += l.positions().getArray().size();
                if (l.biasPositions() != null) {
                    positions += l.biasPositions().getArray().size();
                }
            }
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomUniform(0f, 1f, m.inputShape(2));
            NDList y = m.block().forward(ps, new NDList(x), false);
            assertEquals(2, y.singletonOrThrow().getShape().get(0));
            assertEquals(spec.classes(), y.singletonOrThrow().getShape().get(1));
            return new long[] {m.parameterCount(), positions, m.ringLayers().size()};
        }
    }

    @Test
    void lenet() {
        assertEquals(61_706, counts(new ModelSpec(ModelKind.LENET, 1, 28, 28, 10, null, false, false, true, false))[0]);
        long[] ring = counts(new ModelSpec(ModelKind.LENET, 1, 28, 28, 10, RING8, true, false, true, false));
        assertEquals(61_706, ring[0]);
        assertEquals(60_856, ring[1]);
        assertEquals(4, ring[2]);
        assertEquals(62_158, counts(new ModelSpec(ModelKind.LENET, 1, 28, 28, 10, RING8, true, true, true, false))[0]);
    }

    @Test
    void mlp() {
        long[] ring = counts(new ModelSpec(ModelKind.MLP, 1, 28, 28, 10, RING8, true, false, true, false));
        assertEquals(203_530, ring[0]);
        assertEquals(200_960, ring[1]);
        assertEquals(1, ring[2]);
    }

    @Test
    void resnet20() {
        long[] fp = counts(new ModelSpec(ModelKind.RESNET20, 3, 32, 32, 10, null, false, true, true, false));
        assertEquals(272_474, fp[0]);
        long[] ring = counts(new ModelSpec(ModelKind.RESNET20, 3, 32, 32, 10, RING8, false, true, true, false));
        assertEquals(272_474, ring[0]);
        assertEquals(270_256, ring[1]);
        assertEquals(21, ring[2]);
    }

    @Test
    void switchesForFirstAndLastLayers() {
        long[] noFirst = counts(new ModelSpec(ModelKind.RESNET20, 3, 32, 32, 10, RING8, false, true, false, false));
        assertEquals(20, noFirst[2]);
        long[] withLast = counts(new ModelSpec(ModelKind.LENET, 1, 28, 28, 10, RING8, true, true, true, true));
        assertEquals(5, withLast[2]);
    }

    @Test
    void modelsAdaptToOtherInputShapes() {
        assertEquals(4, counts(new ModelSpec(ModelKind.LENET, 3, 32, 32, 10, RING8, true, true, true, false))[2]);
        counts(new ModelSpec(ModelKind.RESNET20, 1, 28, 28, 47, null, false, true, true, false));
    }
}
