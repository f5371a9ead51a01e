package org.ringlab.nn.method;

/**
 * What the latent histogram shows for a method (the per-layer, per-snapshot details, such as the
 * exact grid, come from the quantizer's {@code axis}).
 *
 * @param kind ring positions on the ring view, a float latent on a linear axis, or nothing (FP32)
 * @param coordinate the quantity on the axis, as the quantizer's axis names it, e.g. "w/Δ"; empty for none
 * @param referenceLines the reference lines drawn over it, in words (Markdown)
 * @param scalars the scalars followed over training, in words (Markdown); "–" for none
 */
public record LatentView(Kind kind, String coordinate, String referenceLines, String scalars) {

    /** How the latent coordinate is drawn. */
    public enum Kind {
        /** Nothing is quantized: no latent view. */
        NONE,
        /** Positions on the circle: the ring view. */
        RING_POSITIONS,
        /** A float latent coordinate: a linear histogram with reference lines. */
        FLOAT_LATENT
    }

    static LatentView none() {
        return new LatentView(Kind.NONE, "", "–", "–");
    }
}
