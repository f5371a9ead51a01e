package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ringlab.nn.WeightMode;

/**
 * A layer rebuilt from a packed model file: its deployed weights, decoded from codes and side
 * information, held as constants (not trained), plus the per-output bias some methods fold into the
 * deployed layer (Tequila's dead-zone term). Soft and snapped are the same network.
 */
public final class StoredWeightsQuantizer implements WeightQuantizer {
    private final float[] weights;
    private final float[] extraBias;
    private final String label;
    private final double nominalBits;
    private final long sideFloats;
    private final Parameter weight;
    private final Parameter bias;

    private StoredWeightsQuantizer(LayerGeometry layer, Stored stored, String label) {
        if (stored.weights().length != layer.weights()) {
            throw new IllegalArgumentException(layer.name() + ": " + stored.weights().length
                    + " stored weights, the layer has " + layer.weights());
        }
        if (stored.extraBias() != null && stored.extraBias().length != layer.outputs()) {
            throw new IllegalArgumentException(layer.name() + ": " + stored.extraBias().length
                    + " stored output biases, the layer has " + layer.outputs() + " outputs");
        }
        this.weights = stored.weights();
        this.extraBias = stored.extraBias();
        this.label = label;
        this.nominalBits = stored.nominalBits();
        this.sideFloats = stored.sideFloats();
        this.weight = constant("weight", layer.weightShape(), weights);
        this.bias = extraBias == null ? null : constant("folded_bias", new Shape(layer.outputs()), extraBias);
    }

    /**
     * One layer's decoded content.
     *
     * @param weights the deployed weights, C order of the layer's shape
     * @param extraBias a per-output bias added to the layer's own, or null
     * @param nominalBits the code width the file stores
     * @param sideFloats the floats the file stores beside the codes
     */
    @SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
    public record Stored(float[] weights, float[] extraBias, double nominalBits, long sideFloats) {
    }

    /** A factory for a model rebuilt from a file: every quantized layer takes its stored content by name. */
    public static QuantizerFactory factory(String method, String label, Map<String, Stored> layers) {
        Map<String, Stored> copy = Map.copyOf(layers);
        return new QuantizerFactory() {
            @Override
            public WeightQuantizer create(LayerGeometry layer) {
                Stored s = copy.get(layer.name());
                if (s == null) {
                    throw new IllegalArgumentException("no stored weights for layer " + layer.name());
                }
                return new StoredWeightsQuantizer(layer, s, label);
            }

            @Override
            public String method() {
                return method;
            }

            @Override
            public String label() {
                return label;
            }
        };
    }

    private static Parameter constant(String name, Shape shape, float[] values) {
        float[] v = Objects.requireNonNull(values);
        return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optRequiresGrad(false)
                .optShape(shape).optInitializer((m, s, t) -> m.create(v, s).toType(t, false)).build();
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        NDArray w = values.get(0).stopGradient();
        return new QuantizedWeights(w, null, bias == null ? null : values.get(1).stopGradient());
    }

    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        return values.get(0).reshape(-1);
    }

    @Override
    public LatentAxis axis(double progress) {
        return new LatentAxis("w (stored)", -1, 1, List.of(), false);
    }

    @Override
    public double nominalBits() {
        return nominalBits;
    }

    @Override
    public long sideFloats() {
        return sideFloats;
    }

    @Override
    public String label() {
        return label;
    }
}
