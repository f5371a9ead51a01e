package org.ringlab.config;

/** The network architectures a run can train (the config key and what {@code nn} builds). */
public enum ModelKind implements ConfigEnum {
    // conv5 'same' - pool2 - conv5 - pool2: 12 -> 12 -> 6 -> 2 -> 1, so 12x12 is the smallest
    // input that still leaves one pixel for the classifier.
    LENET(12, 0),
    MLP(1, 0),
    // Two stride-2 stages before global pooling; below 8x8 the last stage sees 1-2 pixels.
    RESNET20(8, 3),
    RESNET32(8, 5),
    RESNET44(8, 7);

    private final int minInputSize;
    private final int blocksPerStage;

    ModelKind(int minInputSize, int blocksPerStage) {
        this.minInputSize = minInputSize;
        this.blocksPerStage = blocksPerStage;
    }

    /** n in ResNet-(6n+2); 0 for the non-residual models. */
    public int blocksPerStage() {
        return blocksPerStage;
    }

    /** The smallest image height and width the architecture accepts. */
    public int minInputSize() {
        return minInputSize;
    }

    public boolean isResNet() {
        return blocksPerStage > 0;
    }

    /** ResNets are built with BatchNorm after every convolution; it cannot be switched off. */
    public boolean alwaysUsesBatchNorm() {
        return isResNet();
    }

    /** LeNet/MLP ring layers carry ring-valued biases; ResNet convolutions have none. */
    public boolean ringBiasByDefault() {
        return !isResNet();
    }

    public static ModelKind parse(String text) {
        return ConfigEnum.parse(ModelKind.class, "model", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
