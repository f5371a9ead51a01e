package org.ringlab.nn.quantizer;

/** Makes one layer's quantizer; a model builds every quantized layer from the same factory. */
public interface QuantizerFactory {

    WeightQuantizer create(LayerGeometry layer);

    /** The method's config key, e.g. "twn". */
    String method();

    /** A human label, e.g. "TWN (paper, Δ=0.7·mean|W|)". */
    String label();

    /** Whether layers are ring layers (positions on a ring; reference importer, .rqm export). */
    default boolean isRing() {
        return false;
    }
}
