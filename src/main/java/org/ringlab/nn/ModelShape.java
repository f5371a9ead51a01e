package org.ringlab.nn;

/**
 * The sizes of the model {@link ModelFactory} would build for a {@link ModelSpec}, worked out from
 * the layer shapes alone: nothing is allocated, so a model too large to build can still be
 * measured (and refused) first. It follows ModelFactory layer by layer; ModelShapeTest keeps the two
 * in step by comparing with built models.
 *
 * @param parameters trainable scalars (weights, biases, BatchNorm scale and shift), as
 *     {@link BuiltModel#parameterCount()} counts them for FP32 and ring models; other methods add a
 *     few scalars per quantized layer (steps, scales), which this leaves out
 * @param quantizedWeights weights and biases held by quantized layers
 * @param activationsPerSample elements of every layer output (convolution, BatchNorm, ReLU,
 *     pooling, linear, residual sum) for one input image: what a training forward pass keeps for
 *     the backward pass
 * @param largestActivationPerSample the largest single layer output for one image
 */
public record ModelShape(long parameters, long quantizedWeights, long activationsPerSample,
        long largestActivationPerSample) {

    public static ModelShape of(ModelSpec spec) {
        Walk walk = new Walk(spec);
        switch (spec.architecture()) {
            case LENET -> walk.lenet();
            case MLP -> walk.mlp();
            case RESNET20, RESNET32, RESNET44 -> walk.resnet(spec.architecture().blocksPerStage());
        }
        return new ModelShape(walk.parameters, walk.quantized, walk.activations, walk.largest);
    }

    /** Accumulates sizes while stepping through the layers in ModelFactory's order. */
    private static final class Walk {
        private final ModelSpec spec;
        private long parameters;
        private long quantized;
        private long activations;
        private long largest;
        private long channels;
        private long height;
        private long width;

        Walk(ModelSpec spec) {
            this.spec = spec;
            this.channels = spec.channels();
            this.height = spec.height();
            this.width = spec.width();
        }

        void lenet() {
            boolean bias = !spec.ringLayers() || spec.ringBias();
            conv(6, 5, 1, 2, bias, spec.quantizeFirst());
            normRelu();
            pool();
            conv(16, 5, 1, 0, bias, true);
            normRelu();
            pool();
            linear(channels * height * width, 120, bias, true);
            normRelu();
            linear(120, 84, bias, true);
            normRelu();
            linear(84, spec.classes(), true, spec.quantizeLast());
        }

        void mlp() {
            boolean bias = !spec.ringLayers() || spec.ringBias();
            linear(spec.inputSize(), 256, bias, spec.quantizeFirst());
            normRelu();
            linear(256, spec.classes(), true, spec.quantizeLast());
        }

        void resnet(int n) {
            conv(16, 3, 1, 1, false, spec.quantizeFirst());
            batchNorm();
            relu();
            int[] widths = {16, 32, 64};
            for (int stage = 0; stage < 3; stage++) {
                for (int b = 0; b < n; b++) {
                    basicBlock(widths[stage], stage > 0 && b == 0 ? 2 : 1);
                }
            }
            output(channels); // global average pooling
            linear(64, spec.classes(), true, spec.quantizeLast());
        }

        private void basicBlock(int out, int stride) {
            long in = channels;
            long h = height;
            long w = width;
            conv(out, 3, stride, 1, false, true);
            batchNorm();
            relu();
            conv(out, 3, 1, 1, false, true);
            batchNorm();
            if (stride != 1 || in != out) {
                long mainH = height;
                long mainW = width;
                channels = in;
                height = h;
                width = w;
                conv(out, 1, stride, 0, false, true);
                batchNorm();
                height = mainH;
                width = mainW;
            }
            output(channels * height * width); // the sum of both branches
            relu();
        }

        private void conv(int out, int k, int stride, int pad, boolean bias, boolean quantizable) {
            long weights = channels * out * k * k + (bias ? out : 0);
            weights(weights, quantizable);
            height = (height + 2L * pad - k) / stride + 1;
            width = (width + 2L * pad - k) / stride + 1;
            channels = out;
            output(channels * height * width);
        }

        private void linear(long in, int out, boolean bias, boolean quantizable) {
            weights(in * out + (bias ? out : 0), quantizable);
            channels = out;
            height = 1;
            width = 1;
            output(out);
        }

        private void normRelu() {
            if (spec.batchNorm()) {
                batchNorm();
            }
            relu();
        }

        private void batchNorm() {
            parameters += 2 * channels; // scale and shift; the running statistics are not trained
            output(channels * height * width);
        }

        private void relu() {
            output(channels * height * width);
        }

        private void pool() {
            height /= 2;
            width /= 2;
            output(channels * height * width);
        }

        private void weights(long n, boolean quantizable) {
            parameters += n;
            if (spec.quantized() && quantizable) {
                quantized += n;
            }
        }

        private void output(long elements) {
            activations += elements;
            largest = Math.max(largest, elements);
        }
    }
}
