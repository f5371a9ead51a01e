package org.ringlab.interop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.RingLayer;
import org.ringlab.nn.quantizer.ParameterFill;

/**
 * Copies a reference checkpoint's tensors into a RingLab model built by {@code ModelFactory}.
 *
 * <p>Ring layers are matched by name, since RingLab names them as the reference does. Plain convs,
 * BatchNorms and the classifier carry no names in DJL, so they are matched by forward order, which the
 * reference's module registration order follows (conv1, bn1, then per block conv1, bn1, conv2, bn2,
 * shortcut.0, shortcut.1, and linear last). Every checkpoint tensor must find exactly one place and
 * every model parameter exactly one tensor of the same shape; anything else is an error naming the key.
 */
public final class ReferenceImporter {
    private ReferenceImporter() {
    }

    /** A checkpoint module: "layer2.0.shortcut.1" and its tensors by suffix ("running_var"). */
    private record Module(String name, Map<String, Tensor> tensors) {
        boolean has(String suffix) {
            return tensors.containsKey(suffix);
        }
    }

    /**
     * Loads {@code checkpoint} into {@code model}, initializing the model's parameters with
     * {@code manager} first if that has not happened yet.
     *
     * @return for every checkpoint key, in checkpoint order, where its values went
     */
    public static Map<String, String> load(TorchCheckpoint checkpoint, BuiltModel model, NDManager manager)
            throws CheckpointException {
        if (!model.block().isInitialized()) {
            model.block().initialize(manager, DataType.FLOAT32, model.inputShape(1));
        }
        List<Module> ringModules = new ArrayList<>();
        List<Module> convModules = new ArrayList<>();
        List<Module> normModules = new ArrayList<>();
        List<Module> linearModules = new ArrayList<>();
        for (Module m : modules(checkpoint)) {
            if (m.has("positions")) {
                ringModules.add(m);
            } else if (m.has("running_mean")) {
                normModules.add(m);
            } else if (m.has("weight") && m.tensors().get("weight").rank() == 4) {
                convModules.add(m);
            } else if (m.has("weight") && m.tensors().get("weight").rank() == 2) {
                linearModules.add(m);
            } else {
                throw new CheckpointException(checkpoint.file(), "module " + m.name() + " with tensors "
                        + m.tensors().keySet() + " is none of ring conv, conv, BatchNorm, linear");
            }
        }
        List<Block> convs = new ArrayList<>();
        List<Block> norms = new ArrayList<>();
        List<Block> linears = new ArrayList<>();
        collect(model.block(), convs, norms, linears);

        Importer in = new Importer(checkpoint);
        loadRingLayers(in, ringModules, model.ringLayers());
        in.pairByOrder("conv", convModules, convs, ReferenceImporter::loadConv);
        in.pairByOrder("BatchNorm", normModules, norms, ReferenceImporter::loadNorm);
        in.pairByOrder("linear", linearModules, linears, ReferenceImporter::loadLinear);
        return in.destinationsInCheckpointOrder();
    }

    private static void loadRingLayers(Importer in, List<Module> modules, List<RingLayer> layers)
            throws CheckpointException {
        Map<String, Module> byName = new LinkedHashMap<>();
        for (Module m : modules) {
            byName.put(m.name(), m);
        }
        for (RingLayer layer : layers) {
            Module m = byName.remove(layer.layerName());
            if (m == null) {
                throw in.error("has no positions for the model's ring layer " + layer.layerName());
            }
            in.copy(m, "positions", layer.positions(), layer.layerName() + " positions");
            if (layer.biasPositions() != null) {
                in.copy(m, "bias_positions", layer.biasPositions(), layer.layerName() + " bias positions");
            }
            // The template is the codebook, not a weight: loading positions into a different ring would
            // silently change every weight, so it must equal the model's ring bit-for-bit.
            Tensor template = in.take(m, "ring_template");
            float[] expected = layer.ring().values();
            if (!Arrays.equals(template.floats(), expected)) {
                throw in.error(m.name() + ".ring_template " + Arrays.toString(template.floats())
                        + " differs from the model's ring " + Arrays.toString(expected));
            }
            in.destinations.put(m.name() + ".ring_template", "checked equal to the ring of " + layer.layerName());
        }
        if (!byName.isEmpty()) {
            throw in.error("ring layers " + byName.keySet() + " have no counterpart in the model");
        }
    }

    private static void loadConv(Importer in, Module m, Block conv, String where) throws CheckpointException {
        in.copy(m, "weight", param(conv, Parameter.Type.WEIGHT), where + " weight");
        if (m.has("bias")) {
            in.copy(m, "bias", param(conv, Parameter.Type.BIAS), where + " bias");
        }
    }

    private static void loadNorm(Importer in, Module m, Block norm, String where) throws CheckpointException {
        in.copy(m, "weight", param(norm, Parameter.Type.GAMMA), where + " gamma");
        in.copy(m, "bias", param(norm, Parameter.Type.BETA), where + " beta");
        in.copy(m, "running_mean", param(norm, Parameter.Type.RUNNING_MEAN), where + " running mean");
        in.copy(m, "running_var", param(norm, Parameter.Type.RUNNING_VAR), where + " running variance");
        if (m.has("num_batches_tracked")) {
            // DJL's BatchNorm always uses an exponential moving average, so the batch count has no use.
            in.take(m, "num_batches_tracked");
            in.destinations.put(m.name() + ".num_batches_tracked", "not needed by DJL's BatchNorm");
        }
    }

    private static void loadLinear(Importer in, Module m, Block linear, String where) throws CheckpointException {
        in.copy(m, "weight", param(linear, Parameter.Type.WEIGHT), where + " weight");
        in.copy(m, "bias", param(linear, Parameter.Type.BIAS), where + " bias");
    }

    private static Parameter param(Block block, Parameter.Type type) {
        for (Parameter p : block.getDirectParameters().values()) {
            if (p.getType() == type) {
                return p;
            }
        }
        return null;
    }

    /** Groups the state dict by module, keeping checkpoint order; "a.b.c.weight" belongs to "a.b.c". */
    private static List<Module> modules(TorchCheckpoint checkpoint) {
        Map<String, Module> modules = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : checkpoint.stateDict().entrySet()) {
            int dot = e.getKey().lastIndexOf('.');
            String name = dot < 0 ? "" : e.getKey().substring(0, dot);
            modules.computeIfAbsent(name, n -> new Module(n, new LinkedHashMap<>()))
                    .tensors().put(e.getKey().substring(dot + 1), e.getValue());
        }
        return new ArrayList<>(modules.values());
    }

    /** Plain convs, BatchNorms and linears in forward order; ring layers are found by name instead. */
    private static void collect(Block block, List<Block> convs, List<Block> norms, List<Block> linears) {
        if (block instanceof RingLayer) {
            return;
        }
        if (block instanceof Conv2d) {
            convs.add(block);
        } else if (block instanceof BatchNorm) {
            norms.add(block);
        } else if (block instanceof Linear) {
            linears.add(block);
        }
        for (Block child : block.getChildren().values()) {
            collect(child, convs, norms, linears);
        }
    }

    private interface Loader {
        void load(Importer in, Module m, Block block, String where) throws CheckpointException;
    }

    /** Bookkeeping of one import: which tensors are taken, and where each went. */
    private static final class Importer {
        private final TorchCheckpoint checkpoint;
        private final Map<String, String> destinations = new LinkedHashMap<>();

        Importer(TorchCheckpoint checkpoint) {
            this.checkpoint = checkpoint;
        }

        void pairByOrder(String kind, List<Module> modules, List<Block> blocks, Loader loader) throws CheckpointException {
            if (modules.size() != blocks.size()) {
                throw error("has " + modules.size() + " " + kind + " modules, the model " + blocks.size()
                        + (modules.isEmpty() ? "" : " (first: " + modules.get(0).name() + ")"));
            }
            for (int i = 0; i < modules.size(); i++) {
                loader.load(this, modules.get(i), blocks.get(i), kind + " #" + i);
            }
        }

        Tensor take(Module m, String suffix) throws CheckpointException {
            String key = m.name() + "." + suffix;
            Tensor t = m.tensors().get(suffix);
            if (t == null) {
                throw error("has no tensor " + key);
            }
            if (destinations.containsKey(key)) {
                throw error("tensor " + key + " would be used twice");
            }
            return t;
        }

        void copy(Module m, String suffix, Parameter target, String where) throws CheckpointException {
            String key = m.name() + "." + suffix;
            Tensor t = take(m, suffix);
            if (target == null || !target.isInitialized()) {
                throw error("tensor " + key + " has no matching parameter in the model (" + where + ")");
            }
            NDArray array = target.getArray();
            Shape expected = array.getShape();
            if (!Arrays.equals(expected.getShape(), t.shape()) || t.dtype() != DType.FLOAT32) {
                throw error("tensor " + key + " is " + t.dtype() + " " + Arrays.toString(t.shape())
                        + " but the model's " + where + " is " + expected);
            }
            ParameterFill.copy(array, t.floats());
            destinations.put(key, where);
        }

        /** Fails on the first checkpoint tensor that found no place in the model. */
        Map<String, String> destinationsInCheckpointOrder() throws CheckpointException {
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String key : checkpoint.stateDict().keySet()) {
                String where = destinations.get(key);
                if (where == null) {
                    throw error("tensor " + key + " has no place in the model");
                }
                ordered.put(key, where);
            }
            return ordered;
        }

        CheckpointException error(String message) {
            return new CheckpointException(checkpoint.file(), message);
        }
    }
}
