package org.ringlab.config;

/** The optimizer that updates weights and ring positions. */
public enum OptimizerKind implements ConfigEnum {
    SGD, ADAM;

    public static OptimizerKind parse(String text) {
        return ConfigEnum.parse(OptimizerKind.class, "optimizer", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
