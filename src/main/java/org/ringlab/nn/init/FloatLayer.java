package org.ringlab.nn.init;

import java.util.Arrays;

/** One conv or linear layer of a pretrained FP32 network, copied out of the engine (plain Java). */
public final class FloatLayer {
    private final String name;
    private final float[] weight;
    private final long[] shape;
    private final float[] bias;

    /**
     * @param name where it came from, for messages (e.g. "conv #3")
     * @param weight the weights, row-major in {@code shape}
     * @param shape (out, in, kh, kw) or (out, in)
     * @param bias the bias, or null when the layer has none
     */
    public FloatLayer(String name, float[] weight, long[] shape, float[] bias) {
        this.name = name;
        this.weight = weight.clone();
        this.shape = shape.clone();
        this.bias = bias == null ? null : bias.clone();
    }

    public String name() {
        return name;
    }

    /** A copy of the weights. */
    public float[] weight() {
        return weight.clone();
    }

    public long[] shape() {
        return shape.clone();
    }

    /** A copy of the bias, or null. */
    public float[] bias() {
        return bias == null ? null : bias.clone();
    }

    public int size() {
        return weight.length;
    }

    /** max |w|. */
    public double maxAbs() {
        double m = 0;
        for (float v : weight) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape) + (bias == null ? "" : " + bias");
    }
}
