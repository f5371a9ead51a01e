package org.ringlab.nn.init;

import org.ringlab.nn.QuantizedLayer;

/**
 * How one method family sets a quantized layer's parameters from pretrained FP32 weights (
 * docs/methods/training.md#starting-from-a-pretrained-network). The caller has checked the shapes; it writes a float bias (divided by the returned scale) and
 * adjusts the BatchNorm that follows, so an initialiser only writes the quantizer's own parameters.
 */
public interface FloatInit {

    /**
     * Writes the quantizer's parameters of {@code layer} from {@code source}.
     *
     * @param rescalable whether a BatchNorm follows the layer and so absorbs a positive rescaling of
     *     its output; when false the initialiser must return 1
     * @return the scale s > 0 the layer's output is divided by: the deployed weights approximate W/s
     *     (1 when they approximate W itself); the caller divides the following BatchNorm's running
     *     mean by s and its running variance by s²
     */
    double initialise(QuantizedLayer layer, FloatLayer source, boolean rescalable);

    /** The rule in one line, with its evidence label (CODE, INFERRED, ...), for the info log and the docs. */
    String rule();
}
