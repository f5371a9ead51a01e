package org.ringlab.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.config.DataDescription;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfigJson;
import org.ringlab.config.Settings;
import org.ringlab.config.TwnVariant;

/** The method choice and the method's own fields in the setup panel. */
class SetupMethodOptionsTest {
    private static final DataDescription MNIST = new DataDescription("IDX", 1, 28, 28, 10, 60000, 10000);

    @Test
    void onlyTheChosenMethodsFieldsAreCheckedAndTheyReachTheConfig() {
        SetupModel m = new SetupModel((dir, size) -> MNIST);
        m.text(Settings.BITS).set("nine");
        m.method.set(Method.TWN);
        assertTrue(m.validProperty().get(), "TWN ignores bits: " + m.problems());
        m.choice(Settings.TWN_VARIANT).set(TwnVariant.REPO);
        assertEquals(TwnVariant.REPO, m.config().twnVariant());
        assertTrue(m.ringPreviewProperty().get().startsWith("TWN (official code"), m.ringPreviewProperty().get());

        m.method.set(Method.LSQ);
        assertFalse(m.validProperty().get());
        assertEquals(List.of("bits 'nine': not a whole number"), m.problemsFor("bits"));
        m.text(Settings.BITS).set("12");
        assertEquals(List.of("bits 12: lsq needs 1..8 bits"), m.problemsFor("bits"));
        m.text(Settings.BITS).set("4");
        assertTrue(m.validProperty().get(), m.problems().toString());
        assertEquals(4, m.config().bits());
        assertTrue(m.ringPreviewProperty().get().contains("2^4 levels → 4 bits"), m.ringPreviewProperty().get());

        assertTrue(m.uses(Settings.BITS).get());
        assertFalse(m.uses(Settings.TWN_VARIANT).get(), "the TWN row is hidden under lsq");
        m.method.set(Method.POW2);
        assertTrue(m.ringPreviewProperty().get().contains("INFERRED"), m.ringPreviewProperty().get());
    }

    @Test
    void loadingAConfigFillsTheMethodFields() {
        SetupModel m = new SetupModel((dir, size) -> MNIST);
        m.load(RunConfigJson.fromJson("""
                {"method": "bitnet", "bitnet-rmsnorm": true, "bitnet-warmup": 0.15, "bitnet-layerwise": true}"""));
        assertEquals(Method.BITNET, m.method.get());
        assertTrue(m.flag(Settings.BITNET_RMSNORM).get());
        assertTrue(m.flag(Settings.BITNET_LAYERWISE).get());
        assertTrue(m.config().bitnetLayerwise());
        assertEquals("0.15", m.text(Settings.BITNET_WARMUP).get());
        assertTrue(m.validProperty().get(), m.problems().toString());
        assertEquals(0.15, m.config().bitnetWarmup());
        assertTrue(m.config().bitnetRmsnorm());
    }
}
