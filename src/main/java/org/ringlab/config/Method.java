package org.ringlab.config;

import java.util.Locale;

/**
 * The quantization method: the full-precision baseline, ring quantization (the reference and two
 * labelled repairs) and the methods from the literature it is compared with (spec
 * docs/quantization-methods.md §3–4).
 */
public enum Method implements ConfigEnum {
    FP32(Family.NONE, "FP32 baseline"),
    RING(Family.RING, "Ring (reference, soft)"),
    RING_STE(Family.RING, "Ring-STE (repaired)"),
    RING_ANNEAL(Family.RING, "Ring-anneal (repaired)"),
    TWN(Family.TERNARY, "TWN"),
    TTQ(Family.TERNARY, "TTQ"),
    BITNET(Family.TERNARY, "BitNet b1.58"),
    TEQUILA(Family.TERNARY, "Tequila"),
    LSQ(Family.K_BIT, "LSQ"),
    DOREFA(Family.K_BIT, "DoReFa"),
    POW2(Family.K_BIT, "Power-of-two (INFERRED)");

    /** Methods that share their settings and views. */
    public enum Family {
        NONE, RING, TERNARY, K_BIT
    }

    private final Family family;
    private final String displayName;

    Method(Family family, String displayName) {
        this.family = family;
        this.displayName = displayName;
    }

    /** {@code ring-ste}, not {@code ring_ste}: keys are kebab-case like every other config key. */
    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Family family() {
        return family;
    }

    /** A short human name for menus. */
    public String displayName() {
        return displayName;
    }

    /** Whether the ring settings (ring-type, ring-size, ring-mode, sigma, ...) apply. */
    public boolean usesRing() {
        return family == Family.RING;
    }

    /** Whether any layer is quantized (every method but fp32). */
    public boolean quantized() {
        return family != Family.NONE;
    }

    /** Whether {@code bits} applies (LSQ, DoReFa, power-of-two). */
    public boolean usesBits() {
        return family == Family.K_BIT;
    }

    public static Method parse(String text) {
        return ConfigEnum.parse(Method.class, "method", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
