package org.ringlab.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.ModelSpec;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.StoredWeightsQuantizer;
import org.ringlab.nn.RingLayer;
import org.ringlab.nn.WeightMode;
import org.ringlab.nn.quantizer.ParameterFill;
import org.ringlab.quant.Ring;
import org.ringlab.train.ModelBuilder;

/**
 * Rebuilds the snapped network an {@link QuantizedModelWriter} stored: ring layers with their
 * positions on slot centres, other methods' layers holding their decoded deployed weights.
 */
public final class QuantizedModelReader {
    private QuantizedModelReader() {
    }

    /**
     * Rebuilds the architecture from the stored configuration and data shape, places every ring
     * weight at the centre of a slot carrying its stored level and restores the float parameters.
     *
     * @param manager owns the model's arrays (and fixes its device); the caller closes it
     * @throws IOException naming the file when it is foreign, of an unknown version, truncated,
     *     tampered with, or does not match the model its configuration builds
     */
    public static QuantizedModel read(Path file, NDManager manager) throws IOException {
        RqmFile stored = RqmFile.read(file);
        RunConfig config;
        try {
            config = RunConfigJson.fromJson(stored.configJson());
        } catch (InvalidConfigException e) {
            throw RqmFile.problem(file, "the stored configuration is invalid: " + e.getMessage());
        }
        BuiltModel model;
        try {
            ModelSpec spec = ModelBuilder.spec(config, stored.channels(), stored.height(), stored.width(),
                    stored.classes());
            model = ModelFactory.build(spec.ringLayers() || !spec.quantized() ? spec : storedSpec(file, spec, stored));
        } catch (IllegalArgumentException e) {
            throw RqmFile.problem(file, "the stored configuration builds no model: " + e.getMessage());
        }
        model.block().initialize(manager, DataType.FLOAT32, model.inputShape(1));
        int codedLayers = (int) model.quantizedLayers().stream().filter(l -> !(l instanceof RingLayer)).count();
        if (codedLayers != stored.codedLayers().size()) {
            throw RqmFile.problem(file, "holds " + stored.codedLayers().size() + " coded layers, its configuration "
                    + "builds " + codedLayers);
        }
        restoreRingLayers(file, model.ringLayers(), stored.ringLayers());
        restoreFloats(file, model, stored.floats());
        model.setWeightMode(WeightMode.SNAPPED);
        return new QuantizedModel(config, model);
    }

    /**
     * The model of a non-ring method, its quantized layers holding the decoded deployed weights
     * instead of the method's latent parameters (which the file does not keep).
     */
    private static ModelSpec storedSpec(Path file, ModelSpec spec, RqmFile stored) throws IOException {
        Map<String, StoredWeightsQuantizer.Stored> layers = new HashMap<>();
        for (CodedLayer c : stored.codedLayers()) {
            StoredWeightsQuantizer.Stored s = new StoredWeightsQuantizer.Stored(c.decode(), c.extraBias(), c.bits(),
                    c.sideFloats());
            if (layers.put(c.name(), s) != null) {
                throw RqmFile.problem(file, "stores coded layer " + c.name() + " twice");
            }
        }
        QuantizerFactory f = spec.quantizer();
        return new ModelSpec(spec.architecture(), spec.channels(), spec.height(), spec.width(), spec.classes(),
                spec.ring(), spec.ringBias(), spec.batchNorm(), spec.quantizeFirst(), spec.quantizeLast(),
                StoredWeightsQuantizer.factory(f.method(), f.label() + " (from a packed file)", layers));
    }

    private static void restoreRingLayers(Path file, List<RingLayer> layers, List<RqmFile.RingTensors> stored)
            throws IOException {
        if (layers.size() != stored.size()) {
            throw RqmFile.problem(file, "holds " + stored.size() + " ring layers, its configuration builds "
                    + layers.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            RingLayer layer = layers.get(i);
            RqmFile.RingTensors s = stored.get(i);
            String where = "ring layer " + i + " (" + s.name() + ")";
            if (!layer.layerName().equals(s.name())) {
                throw RqmFile.problem(file, where + " should be " + layer.layerName());
            }
            Ring ring = layer.ring();
            // codes only mean something against the very ring and level table they were written with
            if (!ring.type().id().equals(s.ringType()) || !ring.mode().id().equals(s.ringMode())
                    || ring.sigma() != s.sigma() || !Arrays.equals(ring.values(), s.ringValues())) {
                throw RqmFile.problem(file, where + " stores a ring other than the configuration's " + ring.label());
            }
            LevelTable table = LevelTable.of(ring);
            if (!Arrays.equals(table.levels(), s.levels()) || table.bits() != s.bits()) {
                throw RqmFile.problem(file, where + " stores a level table other than its ring's");
            }
            setPositions(file, where + " weights", layer.positions(), table.positions(s.weightCodes()));
            Parameter bias = layer.biasPositions();
            if ((bias == null) != (s.biasCodes() == null)) {
                throw RqmFile.problem(file, where + (bias == null ? " stores a ring bias the model lacks"
                        : " lacks the ring bias the model has"));
            }
            if (bias != null) {
                setPositions(file, where + " bias", bias, table.positions(s.biasCodes()));
            }
        }
    }

    private static void setPositions(Path file, String what, Parameter parameter, float[] positions)
            throws IOException {
        NDArray array = parameter.getArray();
        if (array.size() != positions.length) {
            throw RqmFile.problem(file, what + ": " + positions.length + " stored, the model has " + array.size());
        }
        ParameterFill.copy(array, positions);
    }

    private static void restoreFloats(Path file, BuiltModel model, List<RqmFile.FloatTensor> stored)
            throws IOException {
        Map<String, RqmFile.FloatTensor> byName = new HashMap<>();
        for (RqmFile.FloatTensor t : stored) {
            if (byName.put(t.name(), t) != null) {
                throw RqmFile.problem(file, "stores parameter " + t.name() + " twice");
            }
        }
        Set<String> positionIds = QuantizedModelWriter.storedAsCodes(model);
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            if (positionIds.contains(p.getValue().getId())) {
                continue;
            }
            RqmFile.FloatTensor t = byName.remove(p.getKey());
            if (t == null) {
                throw RqmFile.problem(file, "lacks parameter " + p.getKey());
            }
            NDArray array = p.getValue().getArray();
            if (!Arrays.equals(array.getShape().getShape(), t.shape())) {
                throw RqmFile.problem(file, "parameter " + p.getKey() + " has shape " + Arrays.toString(t.shape())
                        + ", the model's is " + array.getShape());
            }
            ParameterFill.copy(array, t.values());
        }
        if (!byName.isEmpty()) {
            throw RqmFile.problem(file, "stores parameters the model lacks: " + byName.keySet());
        }
    }
}
