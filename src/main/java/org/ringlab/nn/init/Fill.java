package org.ringlab.nn.init;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;
import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.quantizer.ParameterFill;

/** Host-side reads and writes of a quantized layer's parameters, for the initialisers. */
final class Fill {
    private Fill() {
    }

    static void write(Parameter p, float[] values) {
        ParameterFill.copy(p.getArray(), values);
    }

    static void write(Parameter p, float value) {
        ParameterFill.copy(p.getArray(), new float[] {value});
    }

    /** The current parameter values, as the quantizer's {@code initialized} hook takes them. */
    static List<NDArray> values(QuantizedLayer layer) {
        return layer.quantizer().parameters().stream().map(Parameter::getArray).toList();
    }

    /** argmin_c ‖w − c·q‖² = ⟨w, q⟩/⟨q, q⟩, or 1 where q is all zero or the fit is not positive. */
    static double leastSquaresScale(float[] w, float[] q) {
        double wq = 0;
        double qq = 0;
        for (int i = 0; i < w.length; i++) {
            wq += (double) w[i] * q[i];
            qq += (double) q[i] * q[i];
        }
        double c = qq > 0 ? wq / qq : 1;
        return c > 0 && Double.isFinite(c) ? c : 1;
    }
}
