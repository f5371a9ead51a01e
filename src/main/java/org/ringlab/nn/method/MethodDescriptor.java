package org.ringlab.nn.method;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.quantizer.QuantizerFactory;

/**
 * Everything the engine, the views and the docs need to know about one quantization method. One
 * implementation per method, registered in {@link MethodRegistry}; the method's engine-free facts
 * (key, family, label, INFERRED, settings, bit widths) are its {@link Method} constant.
 */
public interface MethodDescriptor {

    /** The method's config-level facts. */
    Method method();

    /** What the method is, for the docs' methods table (Markdown, one paragraph; the table escapes "|"). */
    String summary();

    /**
     * The factory of the run's quantized layers, from the method's settings in {@code config}; null
     * only for the FP32 baseline, which quantizes nothing.
     */
    QuantizerFactory quantizer(RunConfig config);

    /** What the latent histogram shows for this method. */
    LatentView latentView();

    /**
     * How the method's layers start from a pretrained FP32 network ({@code init-from}; docs/methods/training.md#starting-from-a-pretrained-network),
     * one initialiser per method family.
     */
    FloatInit floatInit();

    /** How {@code bits.json} counts this method's bits. */
    BitCount bitCount();

    /** The bits per weight the method's name claims for this configuration (32 for FP32). */
    double nominalBits(RunConfig config);

    default String key() {
        return method().key();
    }

    /** The short label for menus and comparisons, "(INFERRED)" included where it applies. */
    default String label() {
        return method().displayName();
    }

    /** The full label with the run's settings, e.g. "TWN (paper, Δ=0.7·mean|W| per layer)" (bits.json). */
    default String label(RunConfig config) {
        QuantizerFactory f = quantizer(config);
        return f == null ? label() : f.label();
    }
}
