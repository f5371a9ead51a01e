package org.ringlab.config;

import java.util.List;

/**
 * ADMM's projection set Q (Leng et al. 2018, docs/methods.md#admm): the layer's weights are constrained to α·Q
 * with one free α > 0 per layer. The non-negative magnitudes of Q, ascending; every set but binary has a zero.
 */
public enum AdmmSet implements ConfigEnum {
    BINARY("{±1}"),
    TERNARY("{0,±1}"),
    PM2("{0,±1,±2}"),
    PM4("{0,±1,±2,±4}");

    private final String label;

    AdmmSet(String label) {
        this.label = label;
    }

    /** The set as the paper writes it, e.g. "{0,±1,±2}". */
    public String label() {
        return label;
    }

    /** The non-negative magnitudes, ascending (binary: just 1). */
    public List<Double> magnitudes() {
        return switch (this) {
            case BINARY -> List.of(1.0);
            case TERNARY -> List.of(0.0, 1.0);
            case PM2 -> List.of(0.0, 1.0, 2.0);
            case PM4 -> List.of(0.0, 1.0, 2.0, 4.0);
        };
    }

    /** How many levels the set has: 2, 3, 5, 7. */
    public int levels() {
        List<Double> m = magnitudes();
        return m.get(0) == 0 ? 2 * m.size() - 1 : 2 * m.size();
    }

    /** Information bits log2 L: 1, 1.585, 2.32, 2.81. */
    public double informationBits() {
        return Math.log(levels()) / Math.log(2);
    }

    /** The fixed-length code width ceil(log2 L): 1, 2, 3, 3. */
    public int codeBits() {
        return 32 - Integer.numberOfLeadingZeros(levels() - 1);
    }

    /** The largest magnitude: the set spans [−max, max]. */
    public double max() {
        List<Double> m = magnitudes();
        return m.get(m.size() - 1);
    }

    public static AdmmSet parse(String text) {
        return ConfigEnum.parse(AdmmSet.class, "admm-set", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
