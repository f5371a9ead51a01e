package org.ringlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.RingType;

/** The names a run goes by, all from RunNames: a repaired ring variant never passes for the reference. */
class RunNamesTest {
    private static final LocalDateTime TIME = LocalDateTime.of(2026, 12, 7, 18, 19, 11);

    private static RunConfig of(Method method) {
        return RunConfig.defaults().toBuilder().method(method).build();
    }

    @Test
    void theReferenceRingIsNamedByItsRing() {
        RunConfig ring = RunConfig.defaults();
        assertEquals("triangle-8 reference", RunNames.methodLabel(ring));
        assertEquals("lenet triangle-8 reference seed 42", RunNames.displayName(ring));
        assertEquals("lenet triangle8", RunNames.storeName(ring));
        assertEquals("20261207-181911-lenet-triangle8", RunNames.runFolder(ring, TIME));
        assertEquals("lenet-ring-triangle8-s42", RunNames.sweepPointName("lenet", "ring", "triangle", 8, null, 42));
    }

    @Test
    void aRepairedVariantKeepsItsMethodInEveryName() {
        RunConfig ste = of(Method.RING_STE).toBuilder().ringType(RingType.SIN).ringSize(4).build();
        assertEquals("ring-ste sin-4 reference", RunNames.methodLabel(ste));
        assertEquals("lenet ring-ste sin-4 reference seed 42", RunNames.displayName(ste));
        assertEquals("lenet ring-ste-sin4", RunNames.storeName(ste));
        assertEquals("20261207-181911-lenet-ring-ste-sin4", RunNames.runFolder(ste, TIME));
        assertEquals("lenet-ring-ste-sin4-s1", RunNames.sweepPointName("lenet", "ring-ste", "sin", 4, null, 1));
    }

    @Test
    void otherMethodsAreNamedByKeyAndBitWidth() {
        RunConfig twn = of(Method.TWN).toBuilder().model(ModelKind.MLP).build();
        assertEquals("twn", RunNames.methodLabel(twn));
        assertEquals("mlp twn seed 42", RunNames.displayName(twn));
        assertEquals("mlp twn", RunNames.storeName(twn));
        assertEquals("20261207-181911-mlp-twn", RunNames.runFolder(twn, TIME));
        RunConfig lsq = of(Method.LSQ).toBuilder().bits(3).build();
        assertEquals("lsq", RunNames.methodLabel(lsq));
        assertEquals("lenet lsq-b3", RunNames.storeName(lsq));
        assertEquals("20261207-181911-lenet-lsq-b3", RunNames.runFolder(lsq, TIME));
        assertEquals("lenet-lsq-b3-s2", RunNames.sweepPointName("lenet", "lsq", "triangle", 8, 3, 2));
        assertEquals("lenet-lsq-s2", RunNames.sweepPointName("lenet", "lsq", "triangle", 8, null, 2),
                "a sweep that does not vary the width leaves it out");
        assertEquals("lenet-fp32-s1", RunNames.sweepPointName("lenet", "fp32", "triangle", 8, null, 1));
        assertEquals("lenet-new-method-s1", RunNames.sweepPointName("lenet", "new-method", "triangle", 8, null, 1),
                "a key not known here still gets a name");
    }

    @Test
    void aGivenNameWinsForDisplay() {
        RunConfig named = RunConfig.defaults().toBuilder().name("baseline A").build();
        assertEquals("baseline A", RunNames.displayName(named));
        assertEquals("baseline A", named.displayName());
        assertEquals("lenet triangle-8 reference seed 42", named.toBuilder().name(" ").build().displayName());
    }
}
