package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.nn.WeightMode;

/** HitNet's threshold-ternary weights on a hand-computed 2×3 layer. */
class HitNetQuantizerTest {
    private static final float[] W = {0.9f, -0.05f, 0.3f, -0.6f, 0.02f, 0.1f};
    private static final float[] G = {1f, 2f, 3f, 4f, 5f, 6f};
    private static final Shape SHAPE = new Shape(2, 3);
    private static final LayerGeometry FC = new LayerGeometry("fc", SHAPE, null, false, false);

    @Test
    void thresholdsAtSevenTenthsOfTheMeanScalesByTheMeanAboveAndPassesGradientsStraightThrough() {
        // mean|W| = 1.97/6, Δ = 0.22983; above Δ: 0.9, 0.3, −0.6, so α = 0.6
        WeightQuantizer q = HitNetQuantizer.factory().create(FC);
        double delta = 0.7 * 1.97 / 6;
        try (NDManager m = NDManager.newBaseManager()) {
            Autograd.Result soft = Autograd.run(m, List.of(W), List.of(SHAPE), v -> q.compute(v, WeightMode.SOFT, 0, m), G);
            assertArrayEquals(new float[] {0.6f, 0, 0.6f, -0.6f, 0, 0}, soft.output(), 1e-6f);
            assertArrayEquals(G, soft.gradients().get(0), 0f, "STE: identity, below the threshold too");
            Autograd.Result snapped = Autograd.run(m, List.of(W), List.of(SHAPE),
                    v -> q.compute(v, WeightMode.SNAPPED, 0, m), null);
            assertArrayEquals(soft.output(), snapped.output(), 0f);
            List<ai.djl.ndarray.NDArray> values = List.of(m.create(W, SHAPE));
            assertArrayEquals(new float[] {1, 0, 1, -1, 0, 0}, q.codes(values, 0, m).toFloatArray(), 0f);
            float[] latent = q.latentCoordinate(values, 0, m).toFloatArray();
            assertEquals(0.9 / delta, latent[0], 1e-5);
            LatentAxis axis = q.axis(0);
            assertTrue(axis.inferred());
            assertEquals(-1, axis.lines().get(0).at(), 0, "−Δ");
            assertEquals(1, axis.lines().get(1).at(), 0, "+Δ");
            assertEquals(-0.6 / delta, axis.lines().get(2).at(), 1e-5, "−α");
            assertEquals(0.6 / delta, axis.lines().get(3).at(), 1e-5, "+α");
            assertEquals(delta, q.scalars(values, 0).get("Δ"), 1e-6);
            assertEquals(0.6, q.scalars(values, 0).get("α"), 1e-6);
            assertEquals(1, q.sideFloats());
            assertEquals(Math.log(3) / Math.log(2), q.nominalBits(), 1e-12);
        }
    }

    @Test
    void aMatrixWithNothingAboveTheThresholdDeploysAsZeros() {
        WeightQuantizer q = HitNetQuantizer.factory().create(FC);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] zeros = new float[6];
            Autograd.Result r = Autograd.run(m, List.of(zeros), List.of(SHAPE),
                    v -> q.compute(v, WeightMode.SNAPPED, 0, m), null);
            assertArrayEquals(zeros, r.output(), 0f);
        }
    }
}
