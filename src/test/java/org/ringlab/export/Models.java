package org.ringlab.export;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.RingLayer;
import org.ringlab.quant.RingInterpolation;
import org.ringlab.train.ModelBuilder;

/** Small helpers the export tests share: building models and reading back what they hold. */
final class Models {
    private Models() {
    }

    /** A freshly initialised (untrained) model for MNIST-shaped (1×28×28) or CIFAR-shaped input. */
    static BuiltModel initialised(RunConfig config, int channels, int size, NDManager manager) {
        BuiltModel model = ModelFactory.build(ModelBuilder.spec(config, channels, size, size, 10));
        model.block().initialize(manager, DataType.FLOAT32, model.inputShape(1));
        return model;
    }

    /** Every ring weight and bias as the snapped float it evaluates to, per layer, in order. */
    static Map<String, float[]> snappedWeights(BuiltModel model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (RingLayer layer : model.ringLayers()) {
            out.put(layer.layerName(), snapped(layer, layer.positions()));
            if (layer.biasPositions() != null) {
                out.put(layer.layerName() + ".bias", snapped(layer, layer.biasPositions()));
            }
        }
        return out;
    }

    private static float[] snapped(RingLayer layer, Parameter positions) {
        RingInterpolation snap = new RingInterpolation(layer.ring());
        float[] p = positions.getArray().toFloatArray();
        float[] w = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            w[i] = snap.hard(p[i]);
        }
        return w;
    }

    /** Every parameter that is not a ring position, by name. */
    static Map<String, float[]> floatParameters(BuiltModel model) {
        Set<String> positions = model.positionParameterIds();
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            if (!positions.contains(p.getValue().getId())) {
                out.put(p.getKey(), p.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }
}
