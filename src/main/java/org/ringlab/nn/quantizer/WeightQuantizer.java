package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.ringlab.nn.WeightMode;

/**
 * How one quantized layer turns what it trains (its latent tensor plus any learned scalars) into the
 * weights of a forward pass. One instance per layer; {@link org.ringlab.nn.QuantizedBlock} owns it.
 *
 * <p>Engine methods receive the parameter values in {@link #parameters()} order, already borrowed
 * into {@code scratch} (so ops on them do not attach to the model's manager); everything they create
 * lives in {@code scratch} and the caller attaches what it keeps. The same {@link #compute} serves
 * training, evaluation and the host-side bit accounting, so the codes counted are the codes used.
 */
public interface WeightQuantizer {

    /** Every parameter the quantizer owns, the latent tensor first, in the order they are saved. */
    List<Parameter> parameters();

    /** The latent tensor the optimiser trains (ring positions, float weights). */
    default Parameter latent() {
        return parameters().get(0);
    }

    /** True when the quantizer also produces the layer's bias (the ring's bias positions). */
    default boolean ownsBias() {
        return false;
    }

    /**
     * Called with the parameter values before they are borrowed into a scratch manager: the place to
     * create long-lived engine tables on the values' own manager (for the σ of {@code progress}).
     */
    default void prepare(List<NDArray> values, double progress) {
    }

    /**
     * Called once the model is built with this layer's place among its quantized layers, in forward
     * order (BitNet's layer-by-layer warm-up ramps each layer in its own stretch of training).
     *
     * @param index 0 for the layer nearest the input
     * @param count the model's number of quantized layers
     */
    default void placed(int index, int count) {
    }

    /**
     * Called once after the layer's parameters are initialised (before any checkpoint is loaded into
     * them): the place to set values that depend on the initial weights (LSQ's initial step).
     */
    default void initialized(List<NDArray> values) {
    }

    /**
     * The effective weights for one forward pass.
     *
     * @param mode SOFT: what the method trains with (soft ring, STE fake-quantized weight, relaxation);
     *     SNAPPED: the deployed, really quantized values
     * @param progress share of training done, in [0, 1] (drives σ, λ and slope schedules)
     */
    QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch);

    /**
     * An extra term of the training loss (ADMM's proximal pull, a regulariser): a scalar in {@code scratch},
     * added to the batch's cross-entropy inside the gradient recording; null, the default, for none (and then
     * the training step is exactly the one without this hook). The values are the trained parameters
     * themselves, as {@link #compute} receives them; constants that autograd keeps must be
     * {@link OwnedScalar}s.
     */
    default NDArray penalty(List<NDArray> values, double progress, NDManager scratch) {
        return null;
    }

    /**
     * Called after every optimiser step with the share of training done before and after it: the place for
     * periodic updates of state the optimiser does not train (ADMM's projection and dual update, STQ's depth
     * switch), written in place ({@link ParameterFill}) into parameters that {@link #parameters()} declares,
     * so that a checkpoint holds them. A decision taken from {@code before} and {@code after} alone happens at
     * the same step whether or not the run was resumed in between.
     */
    default void afterStep(List<NDArray> values, double before, double after, NDManager scratch) {
    }

    /**
     * The deployed code of every weight, flat: what a fixed-length code must distinguish. By default
     * the deployed (SNAPPED) weights themselves; methods with per-channel or per-group scales return
     * the code before scaling (ternary −1/0/+1), so that scales count as side information and not as
     * extra levels.
     */
    default NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        return compute(values, WeightMode.SNAPPED, progress, scratch).weight().reshape(-1);
    }

    /** A transform of the layer input (BitNet's extra RMSNorm); identity by default. */
    default NDArray transformInput(NDArray input) {
        return input;
    }

    /** The latent coordinate of every weight, flat, in the units of {@link #axis}. */
    NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch);

    /** How the latent coordinate is shown: its name, range and reference lines. */
    LatentAxis axis(double progress);

    /** Scalars worth following over training (W_p, W_n, step s, λ, slope k, σ); may be empty. */
    default Map<String, Double> scalars(List<NDArray> values, double progress) {
        return Map.of();
    }

    /** The bits per weight the method's name claims (ternary: log2 3; LSQ-b: b; a ring of n: log2 n). */
    double nominalBits();

    /** Float values stored beside the codes for inference (scales, thresholds, fused biases). */
    long sideFloats();

    /** A human label for the method, e.g. "TWN (paper, Δ=0.7·mean|W|)". */
    String label();
}
