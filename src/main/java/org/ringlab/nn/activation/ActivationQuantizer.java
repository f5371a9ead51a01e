package org.ringlab.nn.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Quantizes the input of one quantized conv or linear layer (docs/methods/activations.md). One
 * instance per layer; the layer registers {@link #parameters()} as its own, so the optimiser trains
 * them and checkpoints save and restore them with the rest of the model.
 */
public interface ActivationQuantizer {

    /** The learned parameters (LSQ's step, PACT's α), each of shape (1); empty where nothing is learned. */
    List<Parameter> parameters();

    /**
     * The quantized input for one forward pass, in {@code x}'s manager.
     *
     * @param values the parameters' values for this pass, in {@link #parameters()} order; only ever
     *     operands, so they need not be borrowed
     * @param training whether this is a training pass (HitNet samples only then)
     */
    NDArray apply(NDArray x, List<NDArray> values, boolean training);

    /** The code width of the quantized input. */
    int bits();

    /** Whether the levels are signed (the first layer's image) or start at 0 (post-ReLU inputs). */
    boolean signed();

    /** A human label, e.g. "LSQ activations 2-bit unsigned (learned step)", INFERRED parts tagged. */
    String label();

    /** Scalars worth following (s, α); may be empty. */
    default Map<String, Double> scalars() {
        return Map.of();
    }
}
