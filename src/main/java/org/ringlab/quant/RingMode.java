package org.ringlab.quant;

/** How the ring's sample angles are laid out. */
public enum RingMode {
    /**
     * Bit-compatible with the published code: float32 linspace over [0, 2π] with the endpoint
     * included, so slot n−1 repeats slot 0 and symmetric waveforms repeat every interior value.
     */
    REFERENCE,
    /** Endpoint excluded: slot k sits at angle 2πk/n, where the interpolation puts it. */
    UNIFORM;

    public static RingMode parse(String name) {
        for (RingMode m : values()) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown ring mode '" + name + "' (valid: reference, uniform)");
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
