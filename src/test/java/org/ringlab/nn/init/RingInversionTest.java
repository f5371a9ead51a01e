package org.ringlab.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInterpolation;
import org.ringlab.quant.RingLookupTable;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/** Ring positions from FP32 weights (docs/methods/training.md) on hand-computed tensors. */
class RingInversionTest {
    /** Uniform triangle-4: nodes at u = 0, 1, 2, 3 with values −1, 0, 1, 0 (σ = 0.5). */
    private static final Ring RING = Ring.of(RingType.TRIANGLE, 4, RingMode.UNIFORM);

    @Test
    void theRingIsTheOneComputedByHand() {
        assertArrayEquals(new float[] {-1f, 0f, 1f, 0f}, RING.values());
    }

    @Test
    void eachWeightSnapsToItsNearestNodeTheLowerIndexOnTies() {
        RingInversion inversion = new RingInversion(RING);
        RingInterpolation snap = new RingInterpolation(RING);
        // W/s:            −0.9  0.1  0.45  0.55  −0.2  0.95  −1.7 (clipped to −1)  0.0
        float[] w = {-0.9f, 0.1f, 0.45f, 0.55f, -0.2f, 0.95f, -1.7f, 0f};
        // nearest node by hand: −1 → 0; 0 → 1 (nodes 1 and 3 both hold 0: the lower index); 1 → 2
        int[] expected = {0, 1, 1, 2, 1, 2, 0, 1};
        float[] p = inversion.positions(w, 1.0);
        for (int i = 0; i < w.length; i++) {
            assertEquals(expected[i], snap.hardIndex(p[i]), "weight " + w[i] + " at position " + p[i]);
            assertTrue(p[i] >= 0 && p[i] < 1, "position " + p[i] + " in [0, 1)");
        }
    }

    @Test
    void theSoftValueMatchesTheWeightWhereTheArcReachesIt() {
        RingInversion inversion = new RingInversion(RING);
        RingLookupTable soft = RingLookupTable.of(RING);
        // between node 1 (0) and node 2 (1), within node 1's half-slot: soft values near 0.3 are reachable
        float p = inversion.position(0.3);
        assertEquals(0.3, soft.soft(p), 2e-3, "soft(" + p + ")");
        assertEquals(1, new RingInterpolation(RING).hardIndex(p));
        // the node itself is not: σ = 0.5 shrinks r(node 1) toward its neighbours' mean only by symmetry (0),
        // so the inversion must move off the node to reach 0.3
        assertTrue(Math.abs(p * 4 - 1) > 0.05, "moved along the arc: u = " + p * 4);
    }

    @Test
    void theScaleSearchFindsTheScaleOfAWeightSetOnTheGrid() {
        // W = 2·(nodes) exactly: the best scale is 2 (within one grid step of [0.3, 1.5]·max|W|)
        float[] w = {-2f, 0f, 2f, 2f, -2f, 0f, 2f};
        double s = new RingInversion(RING).searchScale(w);
        double step = (RingInversion.SCALE_HIGH - RingInversion.SCALE_LOW) * 2 / (RingInversion.SCALE_POINTS - 1);
        assertEquals(2.0, s, step, "scale");
        assertEquals(1.0, new RingInversion(RING).searchScale(new float[3]), "an all-zero layer keeps scale 1");
    }
}
