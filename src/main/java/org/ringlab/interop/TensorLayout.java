package org.ringlab.interop;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/** Copies one tensor out of its storage, checking that its view lies inside the storage and is dense. */
final class TensorLayout {
    private TensorLayout() {
    }

    /** The elements of a tensor of {@code size}, refusing a product that overflows. */
    static long numel(Path file, long[] size) throws CheckpointException {
        try {
            return Tensor.numel(size);
        } catch (ArithmeticException e) {
            throw new CheckpointException(file, "a tensor of size " + Arrays.toString(size) + " is impossibly large");
        }
    }

    static Tensor copy(Path file, StorageRef ref, ByteBuffer raw, long offset, long[] size, long[] stride)
            throws CheckpointException {
        if (size.length != stride.length) {
            throw new CheckpointException(file, "a tensor in storage " + ref.key() + " has size "
                    + Arrays.toString(size) + " but stride " + Arrays.toString(stride));
        }
        long numel = numel(file, size);
        // Only C-contiguous views are read: that is all torch.save writes for parameters and buffers,
        // and a strided copy would be easy to get subtly wrong for no gain.
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                throw new CheckpointException(file, "a tensor in storage " + ref.key() + " is not contiguous (size "
                        + Arrays.toString(size) + ", stride " + Arrays.toString(stride) + "); RingLab reads only dense tensors");
            }
            expected *= size[d];
        }
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new CheckpointException(file, "a tensor in storage " + ref.key() + " starts at offset " + offset
                    + ", outside the storage");
        }
        if (offset + numel > ref.numel() || numel > Integer.MAX_VALUE) {
            throw new CheckpointException(file, "a tensor of " + numel + " elements at offset " + offset
                    + " overruns storage " + ref.key() + " of " + ref.numel() + " elements");
        }
        int n = (int) numel;
        int start = (int) offset;
        return switch (ref.dtype()) {
            case FLOAT32 -> {
                float[] data = new float[n];
                raw.asFloatBuffer().position(start).get(data);
                yield Tensor.ofFloats(size, data);
            }
            case INT64 -> {
                long[] data = new long[n];
                raw.asLongBuffer().position(start).get(data);
                yield Tensor.ofLongs(size, data);
            }
        };
    }
}
