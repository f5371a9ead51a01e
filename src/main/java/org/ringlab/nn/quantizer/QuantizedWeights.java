package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;

/**
 * One forward pass's effective tensors.
 *
 * @param weight the weights, flat or in the layer's weight shape (the layer reshapes)
 * @param bias the quantized bias, or null when the layer keeps a float bias (or none)
 * @param extraBias a per-output bias added to the layer's bias (Tequila's dead-zone term C_o), or null
 */
public record QuantizedWeights(NDArray weight, NDArray bias, NDArray extraBias) {
    public static QuantizedWeights of(NDArray weight) {
        return new QuantizedWeights(weight, null, null);
    }
}
