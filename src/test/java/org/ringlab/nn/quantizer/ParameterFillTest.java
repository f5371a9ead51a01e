package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class ParameterFillTest {

    @Test
    void overwritesALeafThatRequiresAGradientInPlaceEvenWithGradModeOnAndANaNInside() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {1f, Float.NaN, 3f, 4f}, new Shape(2, 2));
            p.setRequiresGradient(true);
            NDArray sameTensor = p;
            int arrays = m.getManagedArrays().size();
            boolean before = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            try {
                ParameterFill.copy(p, new float[] {5f, 6f, 7f, 8f});
                assertTrue(JniUtils.isGradMode(), "the thread's grad mode is restored");
            } finally {
                JniUtils.setGradMode(before);
            }
            assertArrayEquals(new float[] {5f, 6f, 7f, 8f}, sameTensor.toFloatArray(), "NaN · 0 would have stayed NaN");
            assertEquals(new Shape(2, 2), p.getShape());
            assertTrue(p.hasGradient(), "still a leaf that requires a gradient");
            assertEquals(arrays, m.getManagedArrays().size(), "the scratch copy is freed");
            assertThrows(IllegalArgumentException.class, () -> ParameterFill.copy(p, new float[3]));
        }
    }
}
