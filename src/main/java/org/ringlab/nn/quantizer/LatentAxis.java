package org.ringlab.nn.quantizer;

import java.util.List;

/**
 * How a method's latent coordinate is drawn.
 *
 * @param coordinate what is on the axis, e.g. "w/Δ" or "v/s"
 * @param min the histogram's left edge (values below land in the first bin)
 * @param max the histogram's right edge (values above land in the last bin)
 * @param lines thresholds and grid points
 * @param inferred true when the method's details are inferred rather than published (power-of-two)
 */
public record LatentAxis(String coordinate, double min, double max, List<ReferenceLine> lines, boolean inferred) {
    public LatentAxis {
        lines = List.copyOf(lines);
        if (!(max > min)) {
            throw new IllegalArgumentException("latent axis [" + min + ", " + max + "] is empty");
        }
    }
}
