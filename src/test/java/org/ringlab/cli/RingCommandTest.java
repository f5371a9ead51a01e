package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code ringlab ring}: the ring's values, levels and its interpolation at given positions. */
class RingCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode ringJson(String... args) throws Exception {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    private static JsonNode referenceTriangle8() throws Exception {
        return ringJson("ring", "--type", "triangle", "--size", "8", "--mode", "reference", "--positions",
                "0,0.125,0.5", "--json");
    }

    private static void assertArray(double[] expected, JsonNode actual, double tolerance, String name) {
        assertEquals(expected.length, actual.size(), name + " length: " + actual);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i).asDouble(), tolerance, name + "[" + i + "]: " + actual);
        }
    }

    @Test
    void referenceTriangle8ValuesAreTheMirroredSevenths() throws Exception {
        JsonNode o = referenceTriangle8();
        assertArray(new double[] {-1, -3 / 7.0, 1 / 7.0, 5 / 7.0, 5 / 7.0, 1 / 7.0, -3 / 7.0, -1}, o.get("ring"), 1e-6,
                "ring");
        assertEquals(4, o.get("distinct_levels").asInt());
    }

    @Test
    void referenceTriangle8AtPositions() throws Exception {
        JsonNode o = referenceTriangle8();
        assertArray(new double[] {0, 0.125, 0.5}, o.get("positions"), 0, "positions");
        assertEquals(-0.938719, o.get("w").get(0).asDouble(), 1e-5, "w(0)");
        assertEquals(3, o.get("w").size());
        assertEquals(3, o.get("dw_dp").size());
        assertEquals(JSON.readTree("[0,1,4]"), o.get("hard_index"));
        assertArray(new double[] {-1, -3 / 7.0, 5 / 7.0}, o.get("hard_value"), 1e-6, "hard_value");
    }

    /** dw/dp agrees with a central difference of w, and w rises from slot 0 (-1) towards slot 1 (-3/7). */
    @Test
    void derivativeMatchesCentralDifferenceOfW() throws Exception {
        double h = 1e-3;
        JsonNode o = ringJson("ring", "--size", "8", "--positions",
                (0.3 - h) + "," + 0.3 + "," + (0.3 + h) + ",0", "--json");
        JsonNode w = o.get("w");
        double central = (w.get(2).asDouble() - w.get(0).asDouble()) / (2 * h);
        assertEquals(central, o.get("dw_dp").get(1).asDouble(), 1e-2 * Math.max(1, Math.abs(central)));
        assertTrue(o.get("dw_dp").get(3).asDouble() > 0, "dw/dp at p = 0: " + o.get("dw_dp"));
    }

    @Test
    void referenceRingOfFourHasTwoDistinctLevels() throws Exception {
        assertEquals(2, ringJson("ring", "--size", "4", "--json").get("distinct_levels").asInt());
    }

    @Test
    void uniformRingOfEightHasFiveDistinctLevels() throws Exception {
        assertEquals(5, ringJson("ring", "--mode", "uniform", "--size", "8", "--json").get("distinct_levels").asInt());
    }

    @Test
    void textModePrintsTheDistinctLevelCount() {
        Cli.Result r = Cli.run("ring", "--size", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("distinct levels 4"), r.out());
    }
}
