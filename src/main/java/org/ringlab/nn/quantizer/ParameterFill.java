package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Writes values into a parameter (or any array) in place: the same tensor, so the optimiser's
 * handles and autograd's leaf stay, and libtorch keeps owning its memory.
 *
 * <p>Not {@code NDArray.set(float[])}: on CPU that points the tensor at a Java buffer through a
 * deprecated libtorch path (it prints a warning) and ties the memory to one Java object. Not
 * {@code muli(0).addi(v)} either, which keeps a NaN that was there. Grad mode is off around the
 * copy, whatever the thread's, because an in-place write to a leaf that requires a gradient is
 * refused while it is on.
 */
public final class ParameterFill {
    private ParameterFill() {
    }

    /** Overwrites {@code target} with {@code source} (same shape; any manager, device and grad state). */
    public static void copy(NDArray target, NDArray source) {
        if (source.size() != target.size()) {
            throw new IllegalArgumentException(source.size() + " values for an array of " + target.size());
        }
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager scratch = target.getManager().newSubManager()) {
            NDArray detached = source.stopGradient();
            detached.attach(scratch);
            target.set(new NDIndex("..."), detached.reshape(target.getShape()).toType(target.getDataType(), false)
                    .toDevice(target.getDevice(), false));
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /**
     * @param target the array to overwrite
     * @param values as many values as the target holds, in its row-major order
     * @throws IllegalArgumentException when the counts differ
     */
    public static void copy(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException(values.length + " values for an array of " + target.size());
        }
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager scratch = target.getManager().newSubManager()) {
            NDArray source = scratch.create(values, target.getShape()).toType(target.getDataType(), false)
                    .toDevice(target.getDevice(), false);
            target.set(new NDIndex("..."), source);
        } finally {
            JniUtils.setGradMode(grad);
        }
    }
}
