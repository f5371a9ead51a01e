package org.ringlab.nn;

import org.ringlab.config.ModelKind;
import org.ringlab.nn.activation.ActivationPlan;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.RingQuantizer;
import org.ringlab.quant.Ring;

/**
 * What to build: the architecture, the input it sees, and how its quantized layers quantize.
 *
 * @param ring the ring of a ring method's layers, or null (FP32 or another method)
 * @param ringBias whether ring layers carry ring-valued biases (LeNet/MLP in the reference do); other
 *     methods keep float biases where the FP32 model has them
 * @param batchNorm BatchNorm after hidden layers (always on for ResNets)
 * @param quantizeFirst whether the first layer is quantized (the reference: yes)
 * @param quantizeLast whether the classifier is quantized (the reference: no, it stays FP32)
 * @param quantizer makes each quantized layer's quantizer; null for an all-FP32 model
 * @param activations which quantized layers quantize their input, and how; null: activations stay float
 */
public record ModelSpec(ModelKind architecture, int channels, int height, int width, int classes, Ring ring,
        boolean ringBias, boolean batchNorm, boolean quantizeFirst, boolean quantizeLast, QuantizerFactory quantizer,
        ActivationPlan activations) {

    /** A model whose activations stay float. */
    public ModelSpec(ModelKind architecture, int channels, int height, int width, int classes, Ring ring,
            boolean ringBias, boolean batchNorm, boolean quantizeFirst, boolean quantizeLast,
            QuantizerFactory quantizer) {
        this(architecture, channels, height, width, classes, ring, ringBias, batchNorm, quantizeFirst, quantizeLast,
                quantizer, null);
    }

    /** A reference-ring model (ring given) or an FP32 one (ring null). */
    public ModelSpec(ModelKind architecture, int channels, int height, int width, int classes, Ring ring,
            boolean ringBias, boolean batchNorm, boolean quantizeFirst, boolean quantizeLast) {
        this(architecture, channels, height, width, classes, ring, ringBias, batchNorm, quantizeFirst, quantizeLast,
                ring == null ? null : RingQuantizer.factory(ring, RingQuantizer.Variant.REFERENCE, 0));
    }

    public boolean quantized() {
        return quantizer != null;
    }

    /** Whether the quantized layers are ring layers (and so may carry ring biases). */
    public boolean ringLayers() {
        return quantizer != null && quantizer.isRing();
    }

    public long inputSize() {
        return (long) channels * height * width;
    }
}
