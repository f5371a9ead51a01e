package org.ringlab.nn.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import org.ringlab.nn.quantizer.ParameterFill;

/**
 * One learned scalar of an activation quantizer, shape (1). Where it depends on the activations
 * (LSQ's step from the first batch), it starts at 0, which means "not set yet": the first forward
 * pass sets it from that batch. A value restored from a checkpoint is positive, so a resumed run
 * keeps its learned value; the check reads the value once per layer and process.
 */
final class LearnedScalar {
    private final Parameter parameter;
    private volatile boolean ready;

    private LearnedScalar(String name, float initial) {
        this.parameter = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1))
                .optInitializer((m, s, t) -> m.full(s, initial, t))
                .build();
    }

    /** A scalar set from the first batch it sees. */
    static LearnedScalar fromFirstBatch(String name) {
        return new LearnedScalar(name, 0f);
    }

    /** A scalar with a fixed initial value (PACT's α). */
    static LearnedScalar of(String name, float initial) {
        LearnedScalar s = new LearnedScalar(name, initial);
        s.ready = true;
        return s;
    }

    Parameter parameter() {
        return parameter;
    }

    /** Sets the value from {@code x} on the first pass if it is not set yet. */
    void ensureSet(NDArray value, NDArray x, java.util.function.ToDoubleFunction<NDArray> initial) {
        if (ready) {
            return;
        }
        if (!(value.getFloat(0) > 0)) {
            double v;
            try (NDArray detached = x.stopGradient()) {
                v = initial.applyAsDouble(detached);
            }
            float init = Double.isFinite(v) && v > 0 ? (float) v : 1f;
            ParameterFill.copy(parameter.getArray(), new float[] {init});
            if (value != parameter.getArray()) {
                ParameterFill.copy(value, new float[] {init});
            }
        }
        ready = true;
    }

    double current() {
        return parameter.isInitialized() ? parameter.getArray().getFloat(0) : Double.NaN;
    }
}
