package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInterpolation;
import org.ringlab.quant.RingLookupTable;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/** The two repaired ring variants against the triangle-4 test vectors of docs/methods/ring.md#soft-weights. */
class RingVariantsTest {
    private static final Ring TRIANGLE_4 = Ring.of(RingType.TRIANGLE, 4, RingMode.REFERENCE);
    private static final float[] P = {0.01f, 0.125f, 0.25f, 0.875f, 0.1f};
    private static final float[] ONES = {1, 1, 1, 1, 1};
    private static final Shape SHAPE = new Shape(5);
    private static final LayerGeometry LAYER = new LayerGeometry("fc", new Shape(1, 5), null, false, false);

    private static RingQuantizer quantizer(RingQuantizer.Variant variant, double finalSigma) {
        return (RingQuantizer) RingQuantizer.factory(TRIANGLE_4, variant, finalSigma).create(LAYER);
    }

    private static Autograd.Result run(NDManager m, RingQuantizer q, WeightMode mode, double progress) {
        NDArray probe = m.create(P, SHAPE);
        q.prepare(List.of(probe), progress);
        return Autograd.run(m, List.of(P), List.of(SHAPE), v -> q.compute(v, mode, progress, m),
                mode == WeightMode.SOFT ? ONES : null);
    }

    @Test
    void steForwardsTheSnappedValueAndBackPropagatesTheSoftSlope() {
        RingQuantizer q = quantizer(RingQuantizer.Variant.STE, 0);
        RingInterpolation soft = new RingInterpolation(TRIANGLE_4);
        RingLookupTable table = RingLookupTable.of(TRIANGLE_4);
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result r = run(m, q, WeightMode.SOFT, 0.3);
            for (int i = 0; i < P.length; i++) {
                assertEquals(soft.hard(P[i]), r.output()[i], 1e-6, "snapped forward at p = " + P[i]);
                // the tabulated soft slope the reference kernel uses (one-sided at the antipodal ties)
                assertEquals(table.derivative(P[i]), r.gradients().get(0)[i], 1e-4, "soft dw/dp at p = " + P[i]);
            }
            // the test vectors of docs/methods/ring.md#soft-weights: dw/dp(0.125) = 5.5252, dw/dp(0.875) = 0
            assertEquals(5.5252, r.gradients().get(0)[1], 1e-3);
            assertEquals(0, r.gradients().get(0)[3], 1e-3);
            assertArrayEquals(run(m, q, WeightMode.SNAPPED, 0.3).output(), r.output(), 0f);
        }
    }

    @Test
    void annealStartsAtTheReferenceAndEndsOnTheSnappedRing() {
        RingQuantizer q = quantizer(RingQuantizer.Variant.ANNEAL, 0.05);
        RingInterpolation reference = new RingInterpolation(TRIANGLE_4);
        assertEquals(0.5, q.sigmaAt(0), 1e-12);
        assertEquals(0.05, q.sigmaAt(1), 1e-12);
        assertEquals(Math.sqrt(0.5 * 0.05), q.sigmaAt(0.5), 1e-12, "geometric schedule");
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result start = run(m, q, WeightMode.SOFT, 0);
            for (int i = 0; i < P.length; i++) {
                assertEquals(reference.soft(P[i]), start.output()[i], 1e-5, "σ = 0.5 at p = " + P[i]);
            }
            Autograd.Result end = run(m, q, WeightMode.SOFT, 1);
            Autograd.Result snapped = run(m, q, WeightMode.SNAPPED, 1);
            // p = 0.125 sits on the midpoint between two slots; every other probe is ≥ 0.1 slot away from one
            for (int i : new int[] {0, 2, 3, 4}) {
                assertEquals(snapped.output()[i], end.output()[i], 1e-5, "soft = snapped at σ = 0.05, p = " + P[i]);
            }
            assertEquals(-0.333333, end.output()[1], 1e-4, "the midpoint averages its two slots");
        }
    }

    @Test
    void annealGradientMatchesFiniteDifferencesOfItsOwnForward() {
        RingQuantizer q = quantizer(RingQuantizer.Variant.ANNEAL, 0.05);
        Ring mid = Ring.of(RingType.TRIANGLE, 4, RingMode.REFERENCE, q.sigmaAt(0.5));
        RingInterpolation f = new RingInterpolation(mid);
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result r = run(m, q, WeightMode.SOFT, 0.5);
            double h = 1e-4;
            for (int i = 0; i < P.length; i++) {
                double fd = (f.softExact(P[i] + h) - f.softExact(Math.max(0, P[i] - h))) / (P[i] + h - Math.max(0, P[i] - h));
                assertEquals(fd, r.gradients().get(0)[i], 2e-2 * Math.max(1, Math.abs(fd)), "p = " + P[i]);
                assertEquals(f.softExact(P[i]), r.output()[i], 1e-5);
            }
        }
    }

    @Test
    void annealNeedsAFinalSigmaBelowTheStart() {
        assertThrows(IllegalArgumentException.class, () -> quantizer(RingQuantizer.Variant.ANNEAL, 0.5));
        assertTrue(quantizer(RingQuantizer.Variant.REFERENCE, 0).label().startsWith("Ring triangle-4 (reference"));
        assertTrue(quantizer(RingQuantizer.Variant.STE, 0).label().contains("not in the paper"));
    }
}
