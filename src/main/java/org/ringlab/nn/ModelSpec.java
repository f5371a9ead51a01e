package org.ringlab.nn;

import org.ringlab.quant.Ring;

/**
 * What to build: the architecture, the input it sees, and which of its layers are ring layers.
 *
 * @param ring the ring for quantized layers, or null for an all-FP32 model
 * @param ringBias whether ring layers carry ring-valued biases (LeNet/MLP in the reference do)
 * @param batchNorm BatchNorm after hidden layers (always on for ResNets)
 * @param quantizeFirst whether the first layer is a ring layer (the reference: yes)
 * @param quantizeLast whether the classifier is a ring layer (the reference: no, it stays FP32)
 */
public record ModelSpec(Architecture architecture, int channels, int height, int width, int classes, Ring ring,
        boolean ringBias, boolean batchNorm, boolean quantizeFirst, boolean quantizeLast) {

    public boolean quantized() {
        return ring != null;
    }

    public long inputSize() {
        return (long) channels * height * width;
    }
}
