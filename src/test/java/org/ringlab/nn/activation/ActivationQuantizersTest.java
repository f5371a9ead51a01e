package org.ringlab.nn.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringlab.config.ActQuantizer;

/** The per-layer quantizers: initial values from the first batch, kept once set, and the plan's roles. */
class ActivationQuantizersTest {

    @BeforeEach
    void gradModeOff() {
        Grads.gradModeOff();
    }

    private static NDArray initialised(Parameter p, NDManager m) {
        p.initialize(m, DataType.FLOAT32);
        return p.getArray();
    }

    @Test
    void lsqSetsItsStepFromTheFirstBatchOnlyOnce() {
        try (NDManager m = NDManager.newBaseManager()) {
            LsqActivation q = new LsqActivation(2, false);
            NDArray step = initialised(q.parameters().get(0), m);
            assertEquals(0f, step.getFloat(0), "unset");
            // mean|x| = 0.5, Q_P = 3: s = 2·0.5/√3
            NDArray first = m.create(new float[] {0f, 1f, 0.25f, 0.75f}, new Shape(2, 2));
            q.apply(first, List.of(step), true);
            assertEquals(1 / Math.sqrt(3), step.getFloat(0), 1e-6);
            q.apply(m.create(new float[] {4f, 4f, 4f, 4f}, new Shape(2, 2)), List.of(step), true);
            assertEquals(1 / Math.sqrt(3), step.getFloat(0), 1e-6, "set once, then only the optimiser moves it");
        }
    }

    @Test
    void aRestoredStepIsKept() {
        try (NDManager m = NDManager.newBaseManager()) {
            LsqActivation q = new LsqActivation(2, false);
            NDArray step = initialised(q.parameters().get(0), m);
            org.ringlab.nn.quantizer.ParameterFill.copy(step, new float[] {0.3f});
            NDArray out = q.apply(m.create(new float[] {0.3f, 0.61f}, new Shape(1, 2)), List.of(step), true);
            assertEquals(0.3f, step.getFloat(0));
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.3f, 0.6f}, out.toFloatArray());
        }
    }

    @Test
    void powerOfTwoStartsAtTheFirstBatchsLargestInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            PowerOfTwoActivation q = new PowerOfTwoActivation(2);
            NDArray s = initialised(q.parameters().get(0), m);
            NDArray out = q.apply(m.create(new float[] {0.5f, 2f, 1f, 0.05f}, new Shape(1, 4)), List.of(s), false);
            assertEquals(2f, s.getFloat(0));
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.5f, 2f, 1f, 0f}, out.toFloatArray());
        }
    }

    @Test
    void thePlanGivesEachRoleItsQuantizer() {
        ActivationPlan plan = new ActivationPlan(ActQuantizer.LSQ, 2, null, 8, 10);
        assertNull(plan.forLayer(ActivationPlan.Role.FIRST), "the image stays float unless act-first-bits is set");
        assertEquals("LSQ activations 2-bit unsigned (learned step)", plan.forLayer(ActivationPlan.Role.HIDDEN).label());
        assertEquals(8, plan.forLayer(ActivationPlan.Role.LAST).bits());
        ActivationPlan first = new ActivationPlan(ActQuantizer.BITNET, 8, 8, null, 10);
        assertEquals(true, first.forLayer(ActivationPlan.Role.FIRST).signed());
        assertNull(first.forLayer(ActivationPlan.Role.LAST));
        assertEquals("A2 Power-of-two activations (INFERRED)", new ActivationPlan(ActQuantizer.POW2, 2, null, null, 10)
                .label());
        assertEquals("HitNet Bernoulli ternary (RECALLED; evaluation threshold ½ INFERRED)",
                new ActivationPlan(ActQuantizer.HITNET, 2, null, null, 10).forLayer(ActivationPlan.Role.HIDDEN)
                        .label());
    }
}
