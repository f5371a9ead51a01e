package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A constant for the training forward whose memory libtorch owns.
 *
 * <p>On CPU, DJL builds an array from Java data ({@code manager.create(2f)}, and the constant
 * inside every {@code x.mul(2f)}, {@code x.div(3f)}, {@code x.maximum(1e-38f)}) on a direct
 * buffer without copying, and lets that buffer go when the array is closed, which those scalar
 * methods do at once. Autograd keeps the tensor for the backward pass of mul, div, maximum,
 * minimum and pow, so a garbage collection between forward and backward makes the gradient read
 * freed memory: silently wrong gradients, occasionally 1e30 or NaN (GradientLifetimeTest shows
 * it). Constants made here are filled by libtorch and freed by its reference count, so they stay
 * valid for as long as autograd holds them. Adding or subtracting a Java number is safe (their
 * backward does not read the constant), as is anything on detached arrays.
 */
public final class OwnedScalar {
    private OwnedScalar() {
    }

    /** The value as a 0-d float array in {@code like}'s manager and on its device. */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType()).toDevice(like.getDevice(), false);
    }
}
