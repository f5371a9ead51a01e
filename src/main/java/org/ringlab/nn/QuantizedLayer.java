package org.ringlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.ringlab.nn.activation.ActivationQuantizer;
import org.ringlab.nn.quantizer.QuantizedWeights;
import org.ringlab.nn.quantizer.WeightQuantizer;

/** A conv or linear layer whose weights come from a {@link WeightQuantizer}. */
public interface QuantizedLayer {
    /** The layer's name in the reference's naming, e.g. "layer2.0.conv1". */
    String layerName();

    WeightQuantizer quantizer();

    /** The quantizer of the layer's input, or null where the input stays float. */
    default ActivationQuantizer inputQuantizer() {
        return null;
    }

    /** The layer's float bias, or null (no bias, or one the quantizer owns). */
    Parameter floatBias();

    void setWeightMode(WeightMode mode);

    WeightMode weightMode();

    /** Share of training done, in [0, 1]: drives annealing schedules (σ, λ, slope). */
    void setProgress(double progress);

    double progress();

    /** Weights in the layer (biases excluded). */
    long weightCount();

    /** The weight's shape as the forward pass uses it: (out, in, kh, kw) or (out, in). */
    ai.djl.ndarray.types.Shape weightShape();

    /**
     * The quantizer's parameter values borrowed into {@code scratch}, for host-side views between
     * steps (the training thread only; NDArrays never cross threads).
     */
    default List<NDArray> borrowValues(NDManager scratch) {
        List<NDArray> values = quantizer().parameters().stream().map(Parameter::getArray).toList();
        quantizer().prepare(values, progress());
        for (NDArray v : values) {
            v.tempAttach(scratch);
        }
        return values;
    }

    /** The deployed codes of the weights (and of a quantized bias), flat: what bit accounting counts. */
    default float[] deployedCodes(NDManager scratch) {
        List<NDArray> values = borrowValues(scratch);
        float[] w = quantizer().codes(values, progress(), scratch).toFloatArray();
        if (!quantizer().ownsBias()) {
            return w;
        }
        float[] b = quantizer().compute(values, WeightMode.SNAPPED, progress(), scratch).bias().toFloatArray();
        float[] all = java.util.Arrays.copyOf(w, w.length + b.length);
        System.arraycopy(b, 0, all, w.length, b.length);
        return all;
    }

    /** The deployed (SNAPPED) weights as the forward pass uses them, flat. */
    default float[] deployedWeights(NDManager scratch) {
        List<NDArray> values = borrowValues(scratch);
        QuantizedWeights q = quantizer().compute(values, WeightMode.SNAPPED, progress(), scratch);
        float[] w = q.weight().toFloatArray();
        if (q.bias() == null) {
            return w;
        }
        float[] b = q.bias().toFloatArray();
        float[] all = java.util.Arrays.copyOf(w, w.length + b.length);
        System.arraycopy(b, 0, all, w.length, b.length);
        return all;
    }
}
