package org.ringlab.config;

/** What happens to a ring position that leaves [0, 1] after a step: clamp as the reference does, or wrap around. */
public enum PositionBound implements ConfigEnum {
    CLAMP, WRAP;

    public static PositionBound parse(String text) {
        return ConfigEnum.parse(PositionBound.class, "position-bound", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
