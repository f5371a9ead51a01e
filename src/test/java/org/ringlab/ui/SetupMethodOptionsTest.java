package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.config.DataDescription;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfigJson;
import org.ringlab.config.TwnVariant;

/** The method choice and the method's own fields in the setup panel. */
class SetupMethodOptionsTest {
    private static final DataDescription MNIST = new DataDescription("IDX", 1, 28, 28, 10, 60000, 10000);

    @Test
    void onlyTheChosenMethodsFieldsAreCheckedAndTheyReachTheConfig() {
        SetupModel m = new SetupModel(dir -> MNIST);
        m.bits.set("nine");
        m.method.set(Method.TWN);
        assertTrue(m.validProperty().get(), "TWN ignores bits: " + m.problems());
        m.twnVariant.set(TwnVariant.REPO);
        assertEquals(TwnVariant.REPO, m.config().twnVariant());
        assertTrue(m.ringPreviewProperty().get().startsWith("TWN (official code"), m.ringPreviewProperty().get());

        m.method.set(Method.LSQ);
        assertFalse(m.validProperty().get());
        assertEquals(List.of("bits 'nine': not a whole number"), m.problemsFor("bits"));
        m.bits.set("12");
        assertEquals(List.of("bits 12: lsq needs 1..8 bits"), m.problemsFor("bits"));
        m.bits.set("4");
        assertTrue(m.validProperty().get(), m.problems().toString());
        assertEquals(4, m.config().bits());
        assertTrue(m.ringPreviewProperty().get().contains("2^4 levels → 4 bits"), m.ringPreviewProperty().get());

        m.method.set(Method.POW2);
        assertTrue(m.ringPreviewProperty().get().contains("INFERRED"), m.ringPreviewProperty().get());
    }

    @Test
    void loadingAConfigFillsTheMethodFields() {
        SetupModel m = new SetupModel(dir -> MNIST);
        m.load(RunConfigJson.fromJson("""
                {"method": "bitnet", "bitnet-rmsnorm": true, "bitnet-warmup": 0.15, "bitnet-layerwise": true}"""));
        assertEquals(Method.BITNET, m.method.get());
        assertTrue(m.bitnetRmsnorm.get());
        assertTrue(m.bitnetLayerwise.get());
        assertTrue(m.config().bitnetLayerwise());
        assertEquals("0.15", m.bitnetWarmup.get());
        assertTrue(m.validProperty().get(), m.problems().toString());
        assertEquals(0.15, m.config().bitnetWarmup());
        assertTrue(m.config().bitnetRmsnorm());
    }
}
