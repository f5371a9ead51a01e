package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.CopyInit;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.quantizer.QuantizerFactory;

/** The full-precision baseline: no layer is quantized. */
final class Fp32Descriptor implements MethodDescriptor {

    @Override
    public Method method() {
        return Method.FP32;
    }

    @Override
    public String summary() {
        return "Full-precision baseline.";
    }

    @Override
    public QuantizerFactory quantizer(RunConfig c) {
        return null;
    }

    @Override
    public FloatInit floatInit() {
        return new CopyInit();
    }

    @Override
    public LatentView latentView() {
        return LatentView.none();
    }

    @Override
    public BitCount bitCount() {
        return new BitCount("32", "none: the weights are floats", "none");
    }

    @Override
    public double nominalBits(RunConfig c) {
        return 32;
    }
}
