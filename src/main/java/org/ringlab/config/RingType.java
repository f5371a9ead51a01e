package org.ringlab.config;

/** The wave that maps a position on the ring to a weight value. */
public enum RingType implements ConfigEnum {
    TRIANGLE, SIN;

    public static RingType parse(String text) {
        return ConfigEnum.parse(RingType.class, "ring-type", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
