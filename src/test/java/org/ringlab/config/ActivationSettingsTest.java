package org.ringlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The activation settings: float by default, one clear line per impossible combination, W<b>A<b> names. */
class ActivationSettingsTest {

    private static RunConfig.Builder lsq() {
        return RunConfig.defaults().toBuilder().method(Method.LSQ).bits(2);
    }

    @Test
    void activationsStayFloatByDefault() {
        RunConfig c = RunConfig.defaults();
        assertNull(c.actBits());
        assertEquals(ActQuantizer.LSQ, c.actQuantizer());
        assertFalse(c.quantizesActivations());
        assertEquals(List.of(), c.violations(null));
        assertTrue(lsq().actBits(2).build().quantizesActivations());
        assertFalse(lsq().method(Method.FP32).actBits(2).build().quantizesActivations());
    }

    @Test
    void eachImpossibleCombinationGetsOneLine() {
        assertEquals(List.of("act-bits 2: fp32 quantizes no layer, so no layer input gets an activation quantizer: "
                + "choose a quantized method or leave act-bits empty"),
                lsq().method(Method.FP32).actBits(2).build().validate(null));
        assertEquals(List.of("act-bits 4: bitnet defines 8 bits"),
                lsq().actBits(4).actQuantizer(ActQuantizer.BITNET).build().validate(null));
        assertEquals(List.of("act-bits 3: hitnet defines 2 bits"),
                lsq().actBits(3).actQuantizer(ActQuantizer.HITNET).build().validate(null));
        assertEquals(List.of("act-bits 9: lsq defines 1..8 bits"), lsq().actBits(9).build().validate(null));
        assertEquals(List.of("act-first-bits 8: dorefa has no negative levels and the first layer's input (the "
                + "normalised image) is signed: leave act-first-bits empty (float, as DoReFa and PACT do)"),
                lsq().actBits(2).actQuantizer(ActQuantizer.DOREFA).actFirstBits(8).build().validate(null));
        assertEquals(List.of("act-first-bits 1: lsq defines 2..8 bits for a signed input"),
                lsq().actBits(2).actFirstBits(1).build().validate(null));
        assertEquals(List.of("act-first-bits 8: the first layer is not quantized (quantize-first false), so its input "
                + "gets no quantizer: leave act-first-bits empty"),
                lsq().actBits(2).quantizeFirst(false).actFirstBits(8).build().validate(null));
        assertEquals(List.of("act-last-bits 8: the classifier is not quantized (quantize-last false), so its input "
                + "gets no quantizer: set quantize-last or leave act-last-bits empty"),
                lsq().actBits(2).actLastBits(8).build().validate(null));
        assertEquals(List.of("act-last-bits 8: needs act-bits (activations are float): set act-bits or leave "
                + "act-last-bits empty"), lsq().quantizeLast(true).actLastBits(8).build().validate(null));
        assertEquals(List.of("act-bits 2: no input would be quantized: the mlp's first layer reads the image "
                + "(act-first-bits empty) and its classifier is float (quantize-last false)"),
                lsq().model(ModelKind.MLP).actBits(2).build().validate(null));
        assertEquals(List.of(), lsq().model(ModelKind.MLP).actBits(2).quantizeLast(true).actLastBits(4).build()
                .validate(null));
        assertEquals(List.of(), lsq().actBits(8).actQuantizer(ActQuantizer.BITNET).method(Method.BITNET)
                .actFirstBits(8).build().validate(null));
        assertEquals(List.of("act-pact-alpha 0: must be > 0"), lsq().actPactAlpha(0).build().validate(null));
    }

    @Test
    void theSettingsReadFromTextAsTheWindowAndTheCliGiveThem() {
        assertNull(Settings.ACT_BITS.parse(" "));
        assertEquals(2, Settings.ACT_BITS.parse("2"));
        assertEquals(ActQuantizer.POW2, Settings.ACT_QUANTIZER.parse("POW2"));
        assertEquals("act-quantizer 'relu': must be one of lsq, dorefa, pact, bitnet, pow2, hitnet",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> Settings.ACT_QUANTIZER.parse("relu")).getMessage());
        assertTrue(Settings.ACT_QUANTIZER.description().contains("pow2 (INFERRED"));
        assertTrue(Settings.ACT_QUANTIZER.description().contains("hitnet (Bernoulli ternary; RECALLED/INFERRED)"));
        assertEquals("Power-of-two activations (INFERRED)", ActQuantizer.POW2.displayName());
    }

    @Test
    void runsWithQuantizedActivationsAreNamedWbAb() {
        LocalDateTime time = LocalDateTime.of(2026, 12, 8, 1, 2, 3);
        RunConfig lsq = lsq().actBits(2).build();
        assertEquals("lsq W2A2", RunNames.methodLabel(lsq));
        assertEquals("lenet lsq W2A2 seed 42", RunNames.displayName(lsq));
        assertEquals("lenet lsq-w2a2", RunNames.storeName(lsq));
        assertEquals("20261208-010203-lenet-lsq-w2a2", RunNames.runFolder(lsq, time));
        assertEquals("W4A4", RunNames.weightActivation(lsq().bits(4).actBits(4).build()));
        RunConfig bitnet = lsq().method(Method.BITNET).actQuantizer(ActQuantizer.BITNET).actBits(8).build();
        assertEquals("bitnet W1.58A8", RunNames.methodLabel(bitnet));
        RunConfig ring = RunConfig.defaults().toBuilder().actBits(4).build();
        assertEquals("triangle-8 reference W3A4", RunNames.methodLabel(ring));
        assertEquals("lenet triangle8-w3a4", RunNames.storeName(ring));
        assertEquals("lenet lsq-b2", RunNames.storeName(lsq().build()), "weights-only runs keep their names");
        assertEquals("lsq", RunNames.methodLabel(lsq().build()));
        // every family has its weight bits: ADMM's by its projection set, STQ at most ternary
        assertEquals("W2.32A2", RunNames.weightActivation(lsq().method(Method.ADMM).admmSet(AdmmSet.PM2).actBits(2).build()));
        assertEquals("W1A2", RunNames.weightActivation(lsq().method(Method.ADMM).admmSet(AdmmSet.BINARY).actBits(2).build()));
        assertEquals("W1.58A2", RunNames.weightActivation(lsq().method(Method.STQ).actBits(2).build()));
        for (Method m : Method.values()) {
            if (m.quantized()) {
                RunConfig c = lsq().method(m).actBits(2).build();
                assertTrue(!RunNames.weightActivation(c).contains("?") && !RunNames.weightActivation(c).contains("NaN"),
                        m + ": " + RunNames.weightActivation(c));
            }
        }
    }
}
