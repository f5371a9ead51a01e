package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.nn.WeightMode;

/**
 * A quantizer whose latent tensor is a float weight of the layer's shape, initialised like the FP32
 * layer it replaces, plus any learned scalars the subclass declares.
 */
abstract class FloatLatentQuantizer implements WeightQuantizer {
    static final double LOG2_3 = Math.log(3) / Math.log(2);

    final LayerGeometry layer;
    private final List<Parameter> parameters = new ArrayList<>();

    FloatLatentQuantizer(LayerGeometry layer) {
        this.layer = layer;
        parameters.add(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(layer.weightShape())
                .optInitializer(layer.weightInit())
                .build());
    }

    /** Declares a learned scalar of shape (1), initialised to {@code value}. */
    final Parameter scalar(String name, float value) {
        Parameter p = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new ai.djl.ndarray.types.Shape(1))
                .optInitializer((m, s, t) -> m.full(s, value, t))
                .build();
        parameters.add(p);
        return p;
    }

    /**
     * Declares state the optimiser does not train (ADMM's G and λ, SLQ's levels and frozen codes), of the weight's shape (or {@code shape}),
     * initialised to zeros: a parameter, so that checkpoints and resumes hold it.
     */
    final Parameter state(String name, ai.djl.ndarray.types.Shape shape) {
        return state(name, shape, 0f);
    }

    /** Untrained state as {@link #state(String, ai.djl.ndarray.types.Shape)}, every entry {@code value}. */
    final Parameter state(String name, ai.djl.ndarray.types.Shape shape, float value) {
        Parameter p = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optShape(shape)
                .optRequiresGrad(false)
                .optInitializer((m, s, t) -> m.full(s, value, t))
                .build();
        parameters.add(p);
        return p;
    }

    @Override
    public final List<Parameter> parameters() {
        return List.copyOf(parameters);
    }

    /** Axes over which a per-output-channel statistic reduces: all but the first. */
    static int[] perChannelAxes(NDArray w) {
        int[] axes = new int[w.getShape().dimension() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return axes;
    }

    /** The STE by detach: forward q, gradient the identity to w (docs/methods/conventions.md#ste-by-detach). */
    static NDArray straightThrough(NDArray w, NDArray q) {
        return w.add(q.sub(w).stopGradient());
    }

    /** SOFT: the training forward (an STE-style fake quantizer unless overridden); SNAPPED: the deployed q. */
    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray w = values.get(0);
        NDArray q = quantized(values, progress, scratch);
        return QuantizedWeights.of(mode == WeightMode.SNAPPED ? q.stopGradient() : straightThrough(w, q));
    }

    /** The deployed quantized weights (their gradient, if any, is not used by the default compute). */
    abstract NDArray quantized(List<NDArray> values, double progress, NDManager scratch);
}
