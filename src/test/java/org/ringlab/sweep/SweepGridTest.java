package org.ringlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.Method;
import org.ringlab.quant.RingType;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;

class SweepGridTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode base() throws IOException {
        return (ObjectNode) JSON.readTree(RunConfigJson.toJson(RunConfig.defaults().toBuilder().epochs(2).build()));
    }

    private static List<String> names(List<SweepPoint> points) {
        return points.stream().map(SweepPoint::name).toList();
    }

    @Test
    void ringAxesMultiplyOnlyRingMethods() throws IOException {
        SweepGrid grid = new SweepGrid(List.of("fp32", "ring"), List.of("triangle", "sin"), List.of(4, 8), List.of(2, 4),
                List.of(1L, 2L));
        List<SweepPoint> points = grid.expand(base(), Path.of("runs", "x"));
        // fp32: one per seed (2); ring: 2 types × 2 sizes × 2 seeds (8); bits apply to neither
        assertEquals(10, points.size());
        assertEquals(List.of("lenet-fp32-s1", "lenet-fp32-s2", "lenet-ring-triangle4-s1", "lenet-ring-triangle4-s2",
                "lenet-ring-triangle8-s1", "lenet-ring-triangle8-s2", "lenet-ring-sin4-s1", "lenet-ring-sin4-s2",
                "lenet-ring-sin8-s1", "lenet-ring-sin8-s2"), names(points));
        RunConfig sin8 = points.get(8).config();
        assertEquals(Method.RING, sin8.method());
        assertEquals(RingType.SIN, sin8.ringType());
        assertEquals(8, sin8.ringSize());
        assertEquals(1, sin8.seed());
        assertEquals(2, sin8.epochs(), "the base configuration carries over");
        assertEquals("lenet-ring-sin8-s1", sin8.name());
        assertEquals(Path.of("runs", "x", "lenet-ring-sin8-s1").toString(), sin8.out());
        assertFalse(points.get(0).json().has("bits"), "no bit width set on a method it does not apply to");
    }

    @Test
    void bitsApplyToUniformAndPowerOfTwoMethodsOnly() throws IOException {
        SweepGrid grid = new SweepGrid(List.of("ring-ste", "twn", "ttq", "bitnet", "tequila", "lsq", "dorefa", "pow2"),
                List.of("triangle"), List.of(4, 8), List.of(2, 4), List.of(1L, 2L, 3L));
        List<SweepPoint> points = grid.expand(base(), null);
        // ring-ste: 2 sizes × 3 seeds; twn, ttq, bitnet, tequila: 3 each; lsq, dorefa, pow2: 2 widths × 3 seeds
        assertEquals(6 + 4 * 3 + 3 * 6, points.size());
        List<String> names = names(points);
        assertTrue(names.contains("lenet-ring-ste-triangle4-s1"), names.toString());
        assertTrue(names.contains("lenet-twn-s3"), names.toString());
        assertTrue(names.contains("lenet-lsq-b2-s1") && names.contains("lenet-pow2-b4-s3"), names.toString());
        ObjectNode lsq = points.get(names.indexOf("lenet-lsq-b4-s2")).json();
        assertEquals("lsq", lsq.get("method").asText());
        assertEquals(4, lsq.get("bits").asInt());
        assertEquals(2, lsq.get("seed").asLong());
        ObjectNode twn = points.get(names.indexOf("lenet-twn-s1")).json();
        assertFalse(twn.has("bits"));
        assertEquals(8, twn.get("ring-size").asInt(), "the base's ring is left alone, not varied");
        assertEquals(4, points.get(names.indexOf("lenet-ring-ste-triangle4-s1")).json().get("ring-size").asInt());
        assertTrue(twn.get("out").isNull(), "no out-dir: the service chooses the directory");
    }

    @Test
    void activationBitsMultiplyOnlyTheQuantizedMethods() throws IOException {
        SweepGrid grid = new SweepGrid(List.of("fp32", "lsq", "twn"), List.of(), List.of(), List.of(2),
                List.of(1L, 2L), List.of(0, 2));
        List<SweepPoint> points = grid.expand(base(), null);
        // fp32: one per seed (it quantizes nothing); lsq and twn: float and A2 per seed
        assertEquals(2 + 2 * 2 * 2, points.size());
        List<String> names = names(points);
        assertTrue(names.containsAll(List.of("lenet-fp32-s1", "lenet-lsq-b2-s1", "lenet-lsq-b2-a2-s1", "lenet-twn-a2-s2")),
                names.toString());
        ObjectNode wa = points.get(names.indexOf("lenet-lsq-b2-a2-s2")).json();
        assertEquals(2, wa.get("act-bits").asInt());
        assertTrue(points.get(names.indexOf("lenet-lsq-b2-s2")).json().get("act-bits").isNull(), "0: float activations");
        assertEquals(2, points.get(names.indexOf("lenet-twn-a2-s1")).config().actBits(), "a valid W/A configuration");
        assertTrue(points.get(names.indexOf("lenet-fp32-s1")).config().actBits() == null);
    }

    @Test
    void emptyAxesKeepTheBaseValues() throws IOException {
        List<SweepPoint> points = new SweepGrid(List.of(), List.of(), List.of(), List.of(), List.of()).expand(base(), null);
        assertEquals(List.of("lenet-ring-triangle8-s42"), names(points));
        assertEquals(RunConfig.defaults().toBuilder().epochs(2).name("lenet-ring-triangle8-s42").build(),
                points.get(0).config());
    }

    @Test
    void axisApplicability() {
        assertTrue(SweepGrid.usesRingAxes("ring") && SweepGrid.usesRingAxes("ring-ste"));
        assertFalse(SweepGrid.usesRingAxes("twn") || SweepGrid.usesRingAxes("fp32"));
        assertTrue(SweepGrid.usesBits("lsq") && SweepGrid.usesBits("dorefa") && SweepGrid.usesBits("pow2"));
        assertFalse(SweepGrid.usesBits("ring") || SweepGrid.usesBits("tequila") || SweepGrid.usesBits("bitnet"));
        // the method's facts decide, not its key's spelling
        assertFalse(SweepGrid.usesRingAxes("ring-unknown") || SweepGrid.usesBits("lsq-unknown"));
    }

    @Test
    void anUnknownMethodIsExpandedWithoutAxesAndReportedWhenParsed() throws IOException {
        List<SweepPoint> points = new SweepGrid(List.of("ring-unknown"), List.of("sin"), List.of(4, 8), List.of(2, 4),
                List.of(1L)).expand(base(), null);
        assertEquals(List.of("lenet-ring-unknown-s1"), names(points));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> points.get(0).config());
        assertTrue(e.getMessage().contains("ring-unknown"), e.getMessage());
    }
}
