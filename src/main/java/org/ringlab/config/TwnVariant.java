package org.ringlab.config;

/** TWN's threshold as the paper states it (0.7·mean|W| per layer) or as its official code has it (0.75, per output channel). */
public enum TwnVariant implements ConfigEnum {
    PAPER(0.7, false, "TWN (paper, Δ=0.7·mean|W| per layer)"),
    REPO(0.75, true, "TWN (official code, Δ=0.75·mean|W| per output channel)");

    private final double factor;
    private final boolean perChannel;
    private final String label;

    TwnVariant(double factor, boolean perChannel, String label) {
        this.factor = factor;
        this.perChannel = perChannel;
        this.label = label;
    }

    /** Δ = factor·mean|W|. */
    public double factor() {
        return factor;
    }

    /** Whether Δ and α are per output channel rather than per layer. */
    public boolean perChannel() {
        return perChannel;
    }

    /** The method label of a run with this variant. */
    public String label() {
        return label;
    }

    public static TwnVariant parse(String text) {
        return ConfigEnum.parse(TwnVariant.class, "twn-variant", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
