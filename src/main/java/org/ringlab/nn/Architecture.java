package org.ringlab.nn;

import java.util.Locale;

/** The network families RingLab builds. */
public enum Architecture {
    LENET(0),
    MLP(0),
    RESNET20(3),
    RESNET32(5),
    RESNET44(7);

    private final int blocksPerStage;

    Architecture(int blocksPerStage) {
        this.blocksPerStage = blocksPerStage;
    }

    /** n in ResNet-(6n+2); 0 for the non-residual models. */
    public int blocksPerStage() {
        return blocksPerStage;
    }

    public boolean isResNet() {
        return blocksPerStage > 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Architecture parse(String name) {
        for (Architecture a : values()) {
            if (a.name().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "' (valid: lenet, mlp, resnet20, resnet32, resnet44)");
    }
}
