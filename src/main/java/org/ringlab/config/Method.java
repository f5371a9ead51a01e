package org.ringlab.config;

/** The quantization method: the full-precision baseline or ring quantization. */
public enum Method implements ConfigEnum {
    FP32(false),
    RING(true);

    private final boolean usesRing;

    Method(boolean usesRing) {
        this.usesRing = usesRing;
    }

    /** Whether the ring settings (ring-type, ring-size, ring-mode, sigma, ...) apply. */
    public boolean usesRing() {
        return usesRing;
    }

    public static Method parse(String text) {
        return ConfigEnum.parse(Method.class, "method", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
