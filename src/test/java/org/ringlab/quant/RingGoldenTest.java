package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every golden case of the PyTorch reference, to 1e-5. */
class RingGoldenTest {
    private static final double TOL = 1e-5;

    @TestFactory
    Stream<DynamicTest> matchesReferenceCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : GoldenVectors.root().get("cases")) {
            String name = c.get("ring_type").asText() + "-" + c.get("K").asInt();
            tests.add(DynamicTest.dynamicTest(name, () -> checkCase(c)));
        }
        assertEquals(10, tests.size(), "golden file should hold 10 ring cases");
        return tests.stream();
    }

    private static void checkCase(JsonNode c) {
        RingType type = RingType.parse(c.get("ring_type").asText());
        int k = c.get("K").asInt();
        Ring ring = Ring.of(type, k, RingMode.REFERENCE);
        assertEquals(c.get("sigma").asDouble(), ring.sigma(), 0.0);
        float[] expectedRing = GoldenVectors.floats(c.get("ring"));
        for (int i = 0; i < k; i++) {
            assertEquals(expectedRing[i], ring.value(i), TOL, "ring value " + i);
        }
        RingInterpolation interp = new RingInterpolation(ring);
        float[] p = GoldenVectors.floats(c.get("positions"));
        float[] w = GoldenVectors.floats(c.get("w"));
        float[] dw = GoldenVectors.floats(c.get("dw_dp"));
        int[] hardIndex = GoldenVectors.ints(c.get("hard_index"));
        float[] hardValue = GoldenVectors.floats(c.get("hard_value"));
        for (int i = 0; i < p.length; i++) {
            String at = " at p=" + p[i];
            assertEquals(w[i], interp.soft(p[i]), TOL, "w" + at);
            // relative for large slopes (up to ~20 for K=16), absolute near zero
            double tolD = TOL * Math.max(1.0, Math.abs(dw[i]));
            assertEquals(dw[i], interp.derivative(p[i]), tolD, "dw/dp" + at);
            assertEquals(hardIndex[i], interp.hardIndex(p[i]), "hard index" + at);
            assertEquals(hardValue[i], interp.hard(p[i]), TOL, "hard value" + at);
        }
        assertTrue(p.length >= 40);
    }
}
