package org.ringlab.config;

/** TWN's threshold as the paper states it (0.7·mean|W| per layer) or as its official code has it (0.75, per output channel). */
public enum TwnVariant implements ConfigEnum {
    PAPER, REPO;

    public static TwnVariant parse(String text) {
        return ConfigEnum.parse(TwnVariant.class, "twn-variant", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
