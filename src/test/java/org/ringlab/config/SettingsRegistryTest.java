package org.ringlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The registry and RunConfig agree, and everything that follows from a declaration does. */
class SettingsRegistryTest {

    @Test
    void oneSettingPerRecordComponentInOrder() {
        List<String> components = Arrays.stream(RunConfig.class.getRecordComponents())
                .map(RecordComponent::getName)
                .map(n -> n.replaceAll("([A-Z0-9])", "-$1").toLowerCase(Locale.ROOT).replace("-1", "1")
                        .replace("-2", "2"))
                .toList();
        assertEquals(components, Settings.keys());
        assertEquals(Settings.keys(), RunConfigJson.keys());
    }

    @Test
    void defaultsComeFromTheDeclarations() {
        RunConfig defaults = RunConfig.defaults();
        for (Setting<?> s : Settings.all()) {
            assertEquals(s.defaultValue(), s.get(defaults), s.key());
            assertFalse(s.help().isBlank(), s.key() + " has no help");
            assertSame(s, Settings.byKey(s.key()));
            if (s.defaultValue() == null) {
                assertTrue(s.isNullable(), s.key());
            }
        }
        assertNull(Settings.byKey("no-such-key"));
    }

    @Test
    void theBuilderSetsAnySettingByDeclarationAndRefusesNullsWhereAValueIsRequired() {
        RunConfig c = RunConfig.builder().set(Settings.RING_SIZE, 4).set(Settings.SIGMA, 0.7).build();
        assertEquals(4, c.ringSize());
        assertEquals(0.7, c.sigma());
        assertEquals(c, c.toBuilder().build());
        assertThrows(NullPointerException.class, () -> RunConfig.builder().set(Settings.LR, null));
    }

    @Test
    void methodsGetTheirOwnSettings() {
        assertTrue(Settings.usedBy(Method.LSQ).contains(Settings.BITS));
        assertFalse(Settings.usedBy(Method.TWN).contains(Settings.BITS));
        assertTrue(Settings.usedBy(Method.RING).contains(Settings.RING_SIZE));
        assertFalse(Settings.usedBy(Method.FP32).contains(Settings.RING_SIZE));
        assertEquals(List.of(Method.TTQ), Settings.TTQ_THRESHOLD.methods());
        assertTrue(Settings.usedBy(Method.FP32).contains(Settings.LR));
    }

    @Test
    void declaredRangesAreWhatTheValidatorChecks() {
        RunConfig c = RunConfig.builder().set(Settings.MOMENTUM, 1.0).set(Settings.SNAPSHOT_EVERY, 0).build();
        assertEquals(List.of(new Violation("momentum", "1", "must be in [0, 1)"),
                new Violation("snapshot-every", "0", "must be >= 1")), c.violations(null));
        // a method's own setting is checked only under that method
        assertEquals(List.of(), RunConfig.builder().ttqThreshold(5).build().violations(null));
    }

    @Test
    void violationLinesSplitIntoKeyValueAndRule() {
        assertEquals(new Violation("batch-size", "65536", "needs 9 GiB"), Violation.fromLine("batch-size 65536: needs 9 GiB"));
        assertEquals("threads 100000: too many", Violation.fromLine("threads 100000: too many").toString());
        assertEquals(new Violation("", null, "something else"), Violation.fromLine("something else"));
    }

    @Test
    void textParsesAsTheWindowTypesIt() {
        assertEquals(8, Settings.RING_SIZE.parse(" 8 "));
        assertNull(Settings.SIGMA.parse(""));
        assertEquals("ring-size 'x': not a whole number",
                assertThrows(IllegalArgumentException.class, () -> Settings.RING_SIZE.parse("x")).getMessage());
        assertEquals("lr 'x': not a number",
                assertThrows(IllegalArgumentException.class, () -> Settings.LR.parse("x")).getMessage());
        assertEquals(org.ringlab.quant.RingType.SIN, Settings.RING_TYPE.parse("sin"));
        assertEquals("0.001", Settings.LR.format(1e-3));
    }
}
