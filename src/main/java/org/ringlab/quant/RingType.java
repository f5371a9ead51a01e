package org.ringlab.quant;

/** The waveform sampled around the ring. */
public enum RingType {
    /** 2·|2·(u − floor(u + ½))| − 1: a symmetric triangle over one period. */
    TRIANGLE,
    /** sin(t). */
    SIN;

    /** Parses a CLI/JSON name ("triangle", "sin"), case-insensitively. */
    public static RingType parse(String name) {
        for (RingType t : values()) {
            if (t.name().equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown ring type '" + name + "' (valid: triangle, sin)");
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
