package org.ringlab.config;

/**
 * How a quantized layer's input is quantized when {@code act-bits} is set (docs/methods/activations.md). Engine-free facts only: the key, what the quantizer is called and where it comes
 * from, the bit widths it defines and whether it can take a signed input (the first layer's image).
 */
public enum ActQuantizer implements ConfigEnum {
    LSQ("LSQ activations (learned step)", "", 1, 8, true),
    DOREFA("DoReFa activations (clip to [0, 1])", "", 1, 8, false),
    PACT("PACT (learned clip α)", "", 1, 8, false),
    BITNET("BitNet absmax per token", "", 8, 8, true),
    POW2("Power-of-two activations", "INFERRED", 1, 6, false),
    HITNET("HitNet Bernoulli ternary", "RECALLED/INFERRED", 2, 2, true);

    private final String name;
    private final String provenance;
    private final int minBits;
    private final int maxBits;
    private final boolean signed;

    ActQuantizer(String name, String provenance, int minBits, int maxBits, boolean signed) {
        this.name = name;
        this.provenance = provenance;
        this.minBits = minBits;
        this.maxBits = maxBits;
        this.signed = signed;
    }

    /** A human name, tagged "(INFERRED)" or "(RECALLED/INFERRED)" where the details are not from a source. */
    public String displayName() {
        return provenance.isEmpty() ? name : name + " (" + provenance + ")";
    }

    /** "INFERRED", "RECALLED/INFERRED", or "" where the quantizer is read from code or a paper. */
    public String provenance() {
        return provenance;
    }

    public int minBits() {
        return minBits;
    }

    public int maxBits() {
        return maxBits;
    }

    /** "1..8", or "8" where one width is defined. */
    public String bitsText() {
        return minBits == maxBits ? Integer.toString(minBits) : minBits + ".." + maxBits;
    }

    public boolean allowsBits(int bits) {
        return bits >= minBits && bits <= maxBits;
    }

    /**
     * Whether it can quantize a signed input (the normalised image of the first layer). DoReFa and
     * PACT clip at 0 and the power-of-two quantizer has no negative levels.
     */
    public boolean signed() {
        return signed;
    }

    public static ActQuantizer parse(String text) {
        return ConfigEnum.parse(ActQuantizer.class, "act-quantizer", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
