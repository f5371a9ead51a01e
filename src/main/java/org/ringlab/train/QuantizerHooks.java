package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.quantizer.WeightQuantizer;

/**
 * Calls the quantizers' training hooks ({@link WeightQuantizer#penalty}, {@link WeightQuantizer#afterStep}) with
 * their parameter values borrowed into a scratch manager, as a forward pass does, so that nothing attaches to
 * the model's manager. Methods without hooks see no difference: no penalty is added and nothing is written.
 */
final class QuantizerHooks {
    private QuantizerHooks() {
    }

    /** The sum of every layer's extra loss term, in {@code owner}; null when no layer has one. */
    static NDArray penalty(BuiltModel model, NDManager owner) {
        NDArray total = null;
        for (QuantizedLayer layer : model.quantizedLayers()) {
            WeightQuantizer q = layer.quantizer();
            List<NDArray> values = values(q);
            try (NDManager scratch = owner.newSubManager()) {
                for (NDArray v : values) {
                    v.tempAttach(scratch);
                }
                NDArray p = q.penalty(values, layer.progress(), scratch);
                if (p != null) {
                    p.attach(owner);
                    total = total == null ? p : total.add(p);
                }
            }
        }
        return total;
    }

    /** Lets every layer update its untrained state after an optimiser step that moved progress from before to after. */
    static void afterStep(BuiltModel model, double before, double after, NDManager owner) {
        for (QuantizedLayer layer : model.quantizedLayers()) {
            WeightQuantizer q = layer.quantizer();
            List<NDArray> values = values(q);
            try (NDManager scratch = owner.newSubManager()) {
                for (NDArray v : values) {
                    v.tempAttach(scratch);
                }
                q.afterStep(values, before, after, scratch);
            }
        }
    }

    private static List<NDArray> values(WeightQuantizer q) {
        return q.parameters().stream().map(Parameter::getArray).toList();
    }
}
