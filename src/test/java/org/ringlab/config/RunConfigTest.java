package org.ringlab.config;

import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunConfigTest {

    @Test
    void defaultsMatchTheSpec() {
        RunConfig c = RunConfig.defaults();
        assertEquals("sample-data", c.data());
        assertEquals(ModelKind.LENET, c.model());
        assertEquals(Method.RING, c.method());
        assertEquals(RingType.TRIANGLE, c.ringType());
        assertEquals(8, c.ringSize());
        assertEquals(RingMode.REFERENCE, c.ringMode());
        assertNull(c.sigma());
        assertTrue(c.batchNorm());
        assertNull(c.ringBias());
        assertTrue(c.quantizeFirst());
        assertFalse(c.quantizeLast());
        assertEquals(OptimizerKind.ADAM, c.optimizer());
        assertEquals(1e-3, c.lr());
        assertEquals(0.9, c.momentum());
        assertFalse(c.nesterov());
        assertEquals(0.0, c.weightDecay());
        assertTrue(c.weightDecayPositions());
        assertEquals(0.9, c.adamBeta1());
        assertEquals(0.999, c.adamBeta2());
        assertEquals(1e-8, c.adamEps());
        assertEquals(3, c.epochs());
        assertEquals(128, c.batchSize());
        assertEquals(1000, c.testBatchSize());
        assertEquals(ScheduleSpec.CONSTANT, c.schedule());
        assertEquals(0.0, c.warmupEpochs());
        assertEquals(5.0, c.clipNorm());
        assertEquals(PositionBound.CLAMP, c.positionBound());
        assertEquals(42L, c.seed());
        assertNull(c.augment());
        assertEquals(50, c.snapshotEvery());
        assertEquals(8, c.snapshotSubBins());
        assertEquals(50, c.bnRecalBatches());
        assertEquals(0, c.limitTrain());
        assertEquals(0, c.limitTest());
        assertEquals(0, c.threads());
        assertEquals(DeviceKind.AUTO, c.device());
        assertNull(c.out());
        assertNull(c.name());
    }

    @Test
    void defaultsAreValid() {
        assertEquals(java.util.List.of(), RunConfig.defaults().validate(null));
    }

    @Test
    void toBuilderCopiesEverythingAndLeavesTheOriginalAlone() {
        RunConfig original = RunConfig.builder().model(ModelKind.RESNET20).sigma(0.7).seed(7)
                .schedule(ScheduleSpec.parse("multistep:1:0.5")).name("a").build();
        RunConfig copy = original.toBuilder().build();
        assertEquals(original, copy);

        RunConfig changed = original.toBuilder().lr(0.01).build();
        assertEquals(0.01, changed.lr());
        assertEquals(1e-3, original.lr());
        assertNotEquals(original, changed);
        assertEquals(original.toBuilder().lr(0.01).build(), changed);
    }

    @Test
    void effectiveSigmaDefaultsToMaxOfHalfAndSizeOver32() {
        assertEquals(0.5, RunConfig.builder().ringSize(8).build().effectiveSigma());
        assertEquals(0.5, RunConfig.builder().ringSize(16).build().effectiveSigma());
        assertEquals(1.0, RunConfig.builder().ringSize(32).build().effectiveSigma());
        assertEquals(2.0, RunConfig.builder().ringSize(64).build().effectiveSigma());
        assertEquals(0.3, RunConfig.builder().ringSize(64).sigma(0.3).build().effectiveSigma());
    }

    @Test
    void effectiveRingBiasFollowsTheModelUnlessSet() {
        assertTrue(RunConfig.builder().model(ModelKind.LENET).build().effectiveRingBias());
        assertTrue(RunConfig.builder().model(ModelKind.MLP).build().effectiveRingBias());
        assertFalse(RunConfig.builder().model(ModelKind.RESNET20).build().effectiveRingBias());
        assertTrue(RunConfig.builder().model(ModelKind.RESNET20).ringBias(true).build()
                .effectiveRingBias());
        assertFalse(RunConfig.builder().model(ModelKind.LENET).ringBias(false).build()
                .effectiveRingBias());
    }

    @Test
    void usesRingOnlyForRingMethod() {
        assertTrue(RunConfig.defaults().usesRing());
        assertFalse(RunConfig.builder().method(Method.FP32).build().usesRing());
    }

    @Test
    void requiredValuesCannotBeNull() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> RunConfig.builder().model(null));
        assertEquals("model", e.getMessage());
        assertThrows(NullPointerException.class, () -> RunConfig.builder().schedule(null));
        assertThrows(NullPointerException.class, () -> RunConfig.builder().data(null));
    }
}
