package org.ringlab.config;

/** Which ring layout the quantizer builds: the reference implementation's, or the uniform variant. */
public enum RingMode implements ConfigEnum {
    REFERENCE, UNIFORM;

    public static RingMode parse(String text) {
        return ConfigEnum.parse(RingMode.class, "ring-mode", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
