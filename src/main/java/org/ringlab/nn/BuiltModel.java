package org.ringlab.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A model's block tree together with its quantized layers, in forward order. */
public record BuiltModel(ModelSpec spec, Block block, List<QuantizedLayer> quantizedLayers) {

    public BuiltModel {
        quantizedLayers = List.copyOf(quantizedLayers);
    }

    /** The quantized layers that are ring layers (all of them for a ring method, none otherwise). */
    public List<RingLayer> ringLayers() {
        return quantizedLayers.stream().filter(RingLayer.class::isInstance).map(RingLayer.class::cast).toList();
    }

    /** Sets the share of training done on every quantized layer (σ, λ, slope schedules). */
    public void setProgress(double progress) {
        for (QuantizedLayer layer : quantizedLayers) {
            layer.setProgress(progress);
        }
    }

    /**
     * Where activations are quantized, for the run's log: "A2 LSQ activations (learned step) at the inputs of
     * conv2, fc1, fc2; float inputs: conv1"; null where every input stays float.
     */
    public String activationSummary() {
        if (spec.activations() == null) {
            return null;
        }
        List<String> quantized = new java.util.ArrayList<>();
        List<String> floats = new java.util.ArrayList<>();
        for (QuantizedLayer layer : quantizedLayers) {
            if (layer.inputQuantizer() == null) {
                floats.add(layer.layerName());
            } else {
                quantized.add(layer.layerName() + (layer.inputQuantizer().bits() != spec.activations().bits()
                        ? " (" + layer.inputQuantizer().bits() + "-bit " + (layer.inputQuantizer().signed() ? "signed"
                                : "unsigned") + ")" : ""));
            }
        }
        return spec.activations().label() + " at the inputs of " + String.join(", ", quantized)
                + (floats.isEmpty() ? "" : "; float inputs: " + String.join(", ", floats));
    }

    /** Input shape for a batch of {@code n} images. */
    public Shape inputShape(long n) {
        return new Shape(n, spec.channels(), spec.height(), spec.width());
    }

    public void setWeightMode(WeightMode mode) {
        for (QuantizedLayer layer : quantizedLayers) {
            layer.setWeightMode(mode);
        }
    }

    /** The ids of every position parameter (weights and biases) of the ring layers. */
    public Set<String> positionParameterIds() {
        Set<String> ids = new HashSet<>();
        for (RingLayer layer : ringLayers()) {
            ids.add(layer.positions().getId());
            if (layer.biasPositions() != null) {
                ids.add(layer.biasPositions().getId());
            }
        }
        return ids;
    }

    /** Trainable parameters (running statistics excluded), with their hierarchical names. */
    public List<Pair<String, Parameter>> trainableParameters() {
        return block.getParameters().stream().filter(p -> p.getValue().requiresGradient()).toList();
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : trainableParameters()) {
            n += p.getValue().getArray().getShape().size();
        }
        return n;
    }
}
