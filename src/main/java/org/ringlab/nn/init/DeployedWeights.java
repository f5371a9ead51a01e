package org.ringlab.nn.init;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.WeightMode;

/** A quantized layer's weights, biases excluded, flat, as a forward pass uses them; read on the training thread. */
public final class DeployedWeights {
    private DeployedWeights() {
    }

    public static float[] of(QuantizedLayer layer) {
        return of(layer, WeightMode.SNAPPED);
    }

    /** The weights the forward pass uses in {@code mode} (SOFT: what the method trains with). */
    public static float[] of(QuantizedLayer layer, WeightMode mode) {
        NDArray latent = layer.quantizer().latent().getArray();
        try (NDManager scratch = latent.getManager().newSubManager()) {
            List<NDArray> values = layer.borrowValues(scratch);
            return layer.quantizer().compute(values, mode, layer.progress(), scratch).weight()
                    .toFloatArray();
        }
    }
}
