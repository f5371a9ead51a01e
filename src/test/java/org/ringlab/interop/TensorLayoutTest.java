package org.ringlab.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A tensor's view must lie inside its storage: a hostile offset is one clear refusal, never a buffer error. */
class TensorLayoutTest {
    private static final Path FILE = Path.of("model.pth");
    private static final StorageRef REF = new StorageRef(DType.FLOAT32, "0", "cpu", 4);

    private static ByteBuffer storage() {
        ByteBuffer raw = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(new float[] {1, 2, 3, 4});
        return raw;
    }

    @Test
    void readsADenseViewAtItsOffset() throws CheckpointException {
        Tensor t = TensorLayout.copy(FILE, REF, storage(), 2, new long[] {2}, new long[] {1});
        assertArrayEquals(new long[] {2}, t.shape());
        assertArrayEquals(new float[] {3, 4}, t.floats());
    }

    @Test
    void aNegativeOffsetIsRefusedInOneLine() {
        // found by CheckpointFuzzTest: a mutated pickle gave offset -1 and an IllegalArgumentException
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> TensorLayout.copy(FILE, REF, storage(), -1, new long[] {2}, new long[] {1}));
        assertTrue(e.getMessage().contains("offset -1"), e.getMessage());
    }
}
