package org.ringlab.nn.quantizer;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * What a quantizer needs to know about its layer.
 *
 * @param name the layer's name, e.g. "layer2.0.conv1"
 * @param weightShape (out, in, kh, kw) for a convolution, (out, in) for a linear layer
 * @param weightInit the initialiser an FP32 layer at this place would use (latent float weights start there)
 * @param conv whether the layer is a convolution
 * @param bias whether the layer has a bias (float, or quantized by a quantizer that owns it)
 */
public record LayerGeometry(String name, Shape weightShape, Initializer weightInit, boolean conv,
        boolean bias) {

    public long outputs() {
        return weightShape.get(0);
    }

    /** Inputs feeding one output: in·kh·kw. */
    public long fanIn() {
        return weightShape.size() / weightShape.get(0);
    }

    public long weights() {
        return weightShape.size();
    }
}
