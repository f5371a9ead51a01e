package org.ringlab.nn.init;

import org.ringlab.nn.QuantizedLayer;

/** FP32: the weights are copied. An FP32 model has no quantized layers, so this only serves a float latent. */
public final class CopyInit implements FloatInit {

    @Override
    public double initialise(QuantizedLayer layer, FloatLayer source, boolean rescalable) {
        Fill.write(layer.quantizer().latent(), source.weight());
        return 1;
    }

    @Override
    public String rule() {
        return "FP32: every parameter copied";
    }
}
