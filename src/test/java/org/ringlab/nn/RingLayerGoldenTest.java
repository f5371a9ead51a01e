package org.ringlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.GoldenVectors;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/** The golden RingLinear and RingConv2d cases: outputs and position gradients of 0.5·Σout². */
class RingLayerGoldenTest {
    private static final Ring TRIANGLE_8 = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);

    @Test
    void ringLinearMatchesReference() {
        JsonNode c = GoldenVectors.root().get("layers").get(0);
        check(c, new RingLinear("fc", TRIANGLE_8, 4, 3, true));
    }

    @Test
    void ringConvMatchesReference() {
        JsonNode c = GoldenVectors.root().get("layers").get(1);
        check(c, new RingConv2d("conv", TRIANGLE_8, 2, 3, 3, 1, 1, true));
    }

    private static void check(JsonNode c, AbstractBlock block) {
        RingLayer layer = (RingLayer) block;
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape inShape = shape(c.get("input_shape"));
            block.initialize(manager, DataType.FLOAT32, inShape);
            layer.positions().getArray().set(GoldenVectors.floats(c.get("positions")));
            layer.biasPositions().getArray().set(GoldenVectors.floats(c.get("bias_positions")));
            ParameterStore store = new ParameterStore(manager, false);
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(GoldenVectors.floats(c.get("input")), inShape);
                float[] out;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDList y = block.forward(store, new NDList(x), true);
                    out = y.singletonOrThrow().toFloatArray();
                    NDArray loss = y.singletonOrThrow().square().sum().mul(0.5f);
                    gc.backward(loss);
                }
                assertClose(GoldenVectors.floats(c.get("output")), out, "output");
                NDArray g = layer.positions().getArray().getGradient();
                g.attach(step);
                assertClose(GoldenVectors.floats(c.get("grad_positions")), g.toFloatArray(), "grad positions");
                NDArray gb = layer.biasPositions().getArray().getGradient();
                gb.attach(step);
                assertClose(GoldenVectors.floats(c.get("grad_bias_positions")), gb.toFloatArray(), "grad bias");
            }
        }
    }

    private static Shape shape(JsonNode dims) {
        long[] s = new long[dims.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = dims.get(i).asLong();
        }
        return new Shape(s);
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-5 * Math.max(1.0, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, what + "[" + i + "]");
        }
    }
}
