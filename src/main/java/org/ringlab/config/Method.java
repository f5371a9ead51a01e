package org.ringlab.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The quantization method: the full-precision baseline, ring quantization (the reference and two
 * labelled repairs) and the methods from the literature it is compared with (docs/methods.md).
 *
 * <p>This enum holds the facts about a method that need no engine: its key, family, label, whether its
 * details are inferred, which config keys it uses and which bit widths apply. Validation, the CLI, the
 * setup panel and the sweep grid read them from here. The engine side of a method (its quantizer
 * factory, latent view and bit accounting) is its descriptor in {@code org.ringlab.nn.method}.
 */
public enum Method implements ConfigEnum {
    FP32(Family.NONE, "FP32 baseline", false, 0),
    RING(Family.RING, "Ring (reference, soft)", false, 0),
    RING_STE(Family.RING, "Ring-STE (repaired)", false, 0),
    RING_ANNEAL(Family.RING, "Ring-anneal (repaired)", false, 0),
    TWN(Family.TERNARY, "TWN", false, 0),
    TTQ(Family.TERNARY, "TTQ", false, 0),
    BITNET(Family.TERNARY, "BitNet b1.58", false, 0),
    TEQUILA(Family.TERNARY, "Tequila", false, 0),
    LSQ(Family.K_BIT, "LSQ", false, 8),
    DOREFA(Family.K_BIT, "DoReFa", false, 8),
    // exponents below 2^-31 would underflow float32 scales: at most 2^5 - 1 = 31 exponents
    POW2(Family.K_BIT, "Power-of-two", true, 6),
    // K = 2^(b-1) + 1 k-means levels: a zero plus at least one ± pair, so b >= 2; 8 bits give 129 levels
    SLQ(Family.K_BIT, "SLQ", true, 2, 8),
    MLQ(Family.TERNARY, "MLQ", true, 0),
    HITNET(Family.TERNARY, "HitNet", true, 0),
    ADMM(Family.OTHER, "ADMM", false, 0),
    STQ(Family.OTHER, "STQ", true, 0),
    HLA(Family.TERNARY, "HLA", true, 0);

    /** Methods that share their settings and views. */
    public enum Family {
        NONE, RING, TERNARY, K_BIT,
        /** Methods with their own level sets or per-layer depths (ADMM's projection set, STQ's binary/ternary). */
        OTHER
    }

    private static final int MIN_BITS = 1;

    private final Family family;
    private final String name;
    private final boolean inferred;
    private final int minBits;
    private final int maxBits;

    Method(Family family, String name, boolean inferred, int maxBits) {
        this(family, name, inferred, MIN_BITS, maxBits);
    }

    Method(Family family, String name, boolean inferred, int minBits, int maxBits) {
        this.family = family;
        this.name = name;
        this.inferred = inferred;
        this.minBits = minBits;
        this.maxBits = maxBits;
    }

    /** {@code ring-ste}, not {@code ring_ste}: keys are kebab-case like every other config key. */
    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Family family() {
        return family;
    }

    /** A short human name for menus, tagged "(INFERRED)" where the method's details are inferred. */
    public String displayName() {
        return inferred ? name + " (INFERRED)" : name;
    }

    /**
     * Whether the method's details are inferred rather than published (power-of-two: only the paper's
     * abstract is known); its label, setup rows and histogram say so.
     */
    public boolean inferred() {
        return inferred;
    }

    /**
     * The config keys of this method's own settings, in the registry's order; it ignores the settings
     * of other methods. Each setting declares which methods use it ({@link Settings}), so this list
     * follows from those declarations.
     */
    public List<String> settings() {
        return Settings.usedBy(this).stream().filter(Setting::methodSpecific).map(Setting::key).toList();
    }

    /** Whether this method uses (and validation checks) the config key {@code key}. */
    public boolean usesSetting(String key) {
        return settings().contains(key);
    }

    /** Whether the ring settings (ring-type, ring-size, ring-mode, sigma, ...) apply. */
    public boolean usesRing() {
        return family == Family.RING;
    }

    /** Whether any layer is quantized (every method but fp32). */
    public boolean quantized() {
        return family != Family.NONE;
    }

    /** Whether {@code bits} applies (LSQ, DoReFa, power-of-two, SLQ). */
    public boolean usesBits() {
        return family == Family.K_BIT;
    }

    /** The valid values of {@code bits} for this method, ascending; empty where bits do not apply. */
    public List<Integer> bitWidths() {
        return usesBits() ? IntStream.rangeClosed(minBits, maxBits).boxed().toList() : List.of();
    }

    /** The method with this key (case-insensitive, surrounding blanks ignored), if there is one. */
    public static Optional<Method> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(m -> m.key().equalsIgnoreCase(key.strip())).findFirst();
    }

    /** The methods bit widths apply to, in declaration order. */
    public static List<Method> withBitWidths() {
        return Arrays.stream(values()).filter(Method::usesBits).toList();
    }

    public static Method parse(String text) {
        return ConfigEnum.parse(Method.class, "method", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
