package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.nn.QuantizedLinear;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.DoReFaGrid;
import org.ringlab.quant.LsqGrid;
import org.ringlab.quant.PowerOfTwoGrid;
import org.ringlab.quant.TequilaGroups;

/**
 * The adapters over the kernels branch's math, inside a real layer: LSQ's step starts where the paper
 * says, deployed weights and codes agree with the host math, Tequila's dynamic bias reaches the output.
 */
class AdaptersTest {
    private static final float[] W = {0.9f, -0.05f, 0.3f, -0.6f, 0.02f, 0.1f, -0.25f, 0.45f};
    private static final Initializer FIXED = (m, s, t) -> m.create(W, s);

    private static QuantizedLinear layer(QuantizerFactory f, boolean bias, NDManager m) {
        QuantizedLinear l = new QuantizedLinear("fc", f, 4, 2, bias, FIXED);
        l.initialize(m, DataType.FLOAT32, new Shape(1, 4));
        return l;
    }

    @Test
    void lsqStepStartsAtTwiceTheMeanOverRootQpAndSnapsOnTheIntegerGrid() {
        try (NDManager m = NDManager.newBaseManager()) {
            QuantizedLinear l = layer(LsqQuantizer.factory(3), false, m);
            LsqQuantizer q = (LsqQuantizer) l.quantizer();
            double mean = 0;
            for (float w : W) {
                mean += Math.abs(w) / W.length;
            }
            float step = q.step().getArray().getFloat(0);
            assertEquals(2 * mean / Math.sqrt(3), step, 1e-6, "s = 2·mean|v|/√Q_P with Q_P = 3");
            try (NDManager scratch = m.newSubManager()) {
                assertArrayEquals(LsqGrid.dequantize(W, step, 3), l.deployedWeights(scratch), 0f);
            }
            try (NDManager scratch = m.newSubManager()) {
                float[] codes = l.deployedCodes(scratch);
                int[] expected = LsqGrid.codes(W, step, 3);
                for (int i = 0; i < W.length; i++) {
                    assertEquals(expected[i], codes[i], 0f);
                }
            }
            assertEquals(3, q.nominalBits());
            assertEquals(1, q.sideFloats());
        }
    }

    @Test
    void doReFaAndPowerOfTwoDeployWhatTheHostMathComputes() {
        try (NDManager m = NDManager.newBaseManager()) {
            QuantizedLinear d = layer(DoReFaQuantizer.factory(2), false, m);
            QuantizedLinear p = layer(PowerOfTwoQuantizer.factory(3, 100), false, m);
            try (NDManager scratch = m.newSubManager()) {
                assertArrayEquals(DoReFaGrid.dequantize(W, 2), d.deployedWeights(scratch), 1e-6f);
            }
            try (NDManager scratch = m.newSubManager()) {
                assertArrayEquals(PowerOfTwoGrid.dequantize(W, 3), p.deployedWeights(scratch), 0f);
            }
            LatentAxis axis = p.quantizer().axis(0);
            assertTrue(axis.inferred(), "power-of-two is labelled INFERRED");
            assertTrue(p.quantizer().label().contains("INFERRED"));
            assertEquals(List.of(-3.0, -2.0, -1.0, 0.0), axis.lines().stream().map(ReferenceLine::at).toList());
        }
    }

    @Test
    void tequilaAddsItsDeadZoneBiasToTheFloatBiasInBothModes() {
        try (NDManager m = NDManager.newBaseManager()) {
            QuantizedLinear l = layer(TequilaQuantizer.factory(128, 0.5), true, m);
            assertNotNull(l.floatBias(), "Tequila keeps a float bias");
            l.floatBias().getArray().set(new float[] {0.1f, -0.2f});
            ParameterStore store = new ParameterStore(m, false);
            float[] bias = TequilaGroups.dynamicBias(W, 2, 128, 0.5f);
            float[] a = TequilaGroups.dequantize(W, 2, 128);
            for (WeightMode mode : WeightMode.values()) {
                l.setWeightMode(mode);
                NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 4));
                float[] y = l.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                for (int o = 0; o < 2; o++) {
                    double expected = (o == 0 ? 0.1 : -0.2) + bias[o];
                    for (int i = 0; i < 4; i++) {
                        expected += a[o * 4 + i] * (i + 1);
                    }
                    assertEquals(expected, y[o], 1e-5, mode + " output " + o);
                }
            }
            assertEquals(2 + 2, l.quantizer().sideFloats(), "one α per (short) group and one bias per row");
        }
    }
}
