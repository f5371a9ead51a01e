package org.ringlab.config;

import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfigEnumTest {

    @Test
    void keysAreLowerCaseNames() {
        assertEquals("resnet20", ModelKind.RESNET20.key());
        assertEquals("fp32", Method.FP32.key());
        assertEquals("sin", ConfigEnum.keyOf(RingType.SIN));
    }

    @Test
    void parsingIgnoresCaseAndSurroundingSpace() {
        assertEquals(ModelKind.RESNET32, ModelKind.parse("ResNet32"));
        assertEquals(OptimizerKind.SGD, OptimizerKind.parse(" SGD "));
        assertEquals(PositionBound.WRAP, PositionBound.parse("wrap"));
        assertEquals(DeviceKind.GPU, DeviceKind.parse("Gpu"));
        assertEquals(RingMode.UNIFORM, RingMode.parse("UNIFORM"));
        assertEquals(Method.RING, Method.parse("ring"));
        assertEquals(RingType.TRIANGLE, RingType.parse("triangle"));
    }

    @Test
    void badValueNamesTheSettingAndTheValidValues() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ModelKind.parse("lenet5"));
        assertEquals("model 'lenet5': must be one of lenet, mlp, resnet20, resnet32, resnet44",
                e.getMessage());
    }

    @Test
    void missingValueIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse(null));
        assertEquals("optimizer (missing): must be one of sgd, adam", e.getMessage());
    }

    @Test
    void modelTraits() {
        assertEquals(12, ModelKind.LENET.minInputSize());
        assertEquals(1, ModelKind.MLP.minInputSize());
        assertEquals(8, ModelKind.RESNET44.minInputSize());
        assertEquals(true, ModelKind.RESNET20.alwaysUsesBatchNorm());
        assertEquals(false, ModelKind.MLP.alwaysUsesBatchNorm());
        assertEquals(true, ModelKind.LENET.ringBiasByDefault());
        assertEquals(false, ModelKind.RESNET32.ringBiasByDefault());
    }
}
