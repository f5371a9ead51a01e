package org.ringlab.interop;

import java.util.Arrays;

/**
 * One tensor of a checkpoint, copied out of its storage into a dense C-order array: float32 data as
 * {@code float[]}, int64 data as {@code long[]}.
 */
public final class Tensor {
    private final DType dtype;
    private final long[] shape;
    private final float[] floats;
    private final long[] longs;

    private Tensor(DType dtype, long[] shape, float[] floats, long[] longs) {
        this.dtype = dtype;
        this.shape = shape;
        this.floats = floats;
        this.longs = longs;
    }

    public static Tensor ofFloats(long[] shape, float[] data) {
        checkSize(shape, data.length);
        return new Tensor(DType.FLOAT32, shape.clone(), data.clone(), null);
    }

    public static Tensor ofLongs(long[] shape, long[] data) {
        checkSize(shape, data.length);
        return new Tensor(DType.INT64, shape.clone(), null, data.clone());
    }

    private static void checkSize(long[] shape, int length) {
        if (numel(shape) != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + numel(shape)
                    + " elements, not " + length);
        }
    }

    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long size() {
        return numel(shape);
    }

    /** The float32 elements in C order; only for {@link DType#FLOAT32}. */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("a " + dtype + " tensor has no float data");
        }
        return floats.clone();
    }

    /** The int64 elements in C order; only for {@link DType#INT64}. */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException("a " + dtype + " tensor has no int64 data");
        }
        return longs.clone();
    }

    @Override
    public String toString() {
        return "Tensor[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
