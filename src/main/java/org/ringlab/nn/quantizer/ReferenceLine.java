package org.ringlab.nn.quantizer;

/** A vertical line on the latent histogram: a threshold, a grid point, a clip bound. */
public record ReferenceLine(double at, String label) {
}
