package org.ringlab.config;

/** The network architectures a run can train. */
public enum ModelKind implements ConfigEnum {
    // conv5 'same' - pool2 - conv5 - pool2: 12 -> 12 -> 6 -> 2 -> 1, so 12x12 is the smallest
    // input that still leaves one pixel for the classifier.
    LENET(12, false),
    MLP(1, false),
    // Two stride-2 stages before global pooling; below 8x8 the last stage sees 1-2 pixels.
    RESNET20(8, true),
    RESNET32(8, true),
    RESNET44(8, true);

    private final int minInputSize;
    private final boolean resNet;

    ModelKind(int minInputSize, boolean resNet) {
        this.minInputSize = minInputSize;
        this.resNet = resNet;
    }

    /** The smallest image height and width the architecture accepts. */
    public int minInputSize() {
        return minInputSize;
    }

    public boolean isResNet() {
        return resNet;
    }

    /** ResNets are built with BatchNorm after every convolution; it cannot be switched off. */
    public boolean alwaysUsesBatchNorm() {
        return resNet;
    }

    /** LeNet/MLP ring layers carry ring-valued biases; ResNet convolutions have none. */
    public boolean ringBiasByDefault() {
        return !resNet;
    }

    public static ModelKind parse(String text) {
        return ConfigEnum.parse(ModelKind.class, "model", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
