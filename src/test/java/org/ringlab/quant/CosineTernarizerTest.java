package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The cosine-optimal ternariser on hand-computed rows. */
class CosineTernarizerTest {

    @Test
    void picksTheSupportThatMaximisesTheCosine() {
        // |w| sorted: 0.9, 0.6, 0.35, 0.1, 0.05, 0.02; Σ/√k = 0.9, 1.0607, 1.0681, 0.975, … → k* = 3, Δ = 0.35
        float[] w = {0.9f, -0.05f, 0.35f, -0.6f, 0.02f, 0.1f};
        CosineTernarizer.Result r = CosineTernarizer.of(w, 1);
        assertEquals(0.35f, r.thresholds()[0], 0f);
        double norm = Math.sqrt(1.3054);
        assertEquals(norm / Math.sqrt(3), r.scales()[0], 1e-6, "s = ‖w‖/‖t‖");
        assertEquals(1.85 / (Math.sqrt(3) * norm), r.cosines()[0], 1e-6);
        // the same weights as two rows of three: each keeps only its largest
        CosineTernarizer.Result rows = CosineTernarizer.of(w, 2);
        assertArrayEquals(new float[] {0.9f, 0.6f}, rows.thresholds(), 0f);
        assertArrayEquals(new float[] {(float) Math.sqrt(0.935), (float) Math.sqrt(0.3704)}, rows.scales(), 1e-6f);
    }

    @Test
    void equalMagnitudesAreAllKeptAndAZeroRowStaysZero() {
        CosineTernarizer.Result r = CosineTernarizer.of(new float[] {0.5f, -0.5f, 0.5f, 0, 0, 0}, 2);
        assertEquals(0.5f, r.thresholds()[0], 0f);
        assertEquals(0.5f, r.scales()[0], 1e-7f, "√0.75/√3");
        assertEquals(1f, r.cosines()[0], 1e-6f);
        assertEquals(Float.POSITIVE_INFINITY, r.thresholds()[1], 0f);
        assertEquals(0f, r.scales()[1], 0f);
        assertThrows(IllegalArgumentException.class, () -> CosineTernarizer.of(new float[5], 2));
    }
}
