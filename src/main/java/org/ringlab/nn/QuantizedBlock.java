package org.ringlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.nn.activation.ActivationQuantizer;
import org.ringlab.nn.quantizer.LayerGeometry;
import org.ringlab.nn.quantizer.QuantizedWeights;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.nn.quantizer.WeightQuantizer;

/**
 * What every quantized layer shares: a name, its quantizer's parameters, a float bias unless the
 * quantizer owns the bias, the soft/snapped switch and the training progress.
 */
abstract class QuantizedBlock extends AbstractBlock implements QuantizedLayer {
    private static final byte VERSION = 1;

    private final String name;
    private final WeightQuantizer quantizer;
    private final Parameter floatBias;
    private final Shape weightShape;
    private ActivationQuantizer inputQuantizer;
    private volatile WeightMode mode = WeightMode.SOFT;
    private volatile double progress;

    QuantizedBlock(QuantizerFactory factory, LayerGeometry layer) {
        super(VERSION);
        this.name = layer.name();
        this.weightShape = layer.weightShape();
        this.quantizer = factory.create(layer);
        for (Parameter p : quantizer.parameters()) {
            addParameter(p);
        }
        if (layer.bias() && !quantizer.ownsBias()) {
            long fanIn = layer.fanIn();
            floatBias = addParameter(Parameter.builder()
                    .setName("bias")
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(layer.outputs()))
                    .optInitializer((m, s, t) -> {
                        // torch's nn.Conv2d / nn.Linear default bias: U(±1/√fan_in)
                        float bound = (float) (1.0 / Math.sqrt((double) fanIn));
                        return m.randomUniform(-bound, bound, s, t);
                    })
                    .build());
        } else {
            floatBias = null;
        }
    }

    @Override
    public String layerName() {
        return name;
    }

    @Override
    public WeightQuantizer quantizer() {
        return quantizer;
    }

    /**
     * Quantizes this layer's input with {@code q} from now on and makes its learned parameters the
     * layer's own (trained, saved and restored with it). Called while the model is built, before
     * it is initialised.
     */
    void quantizeInputWith(ActivationQuantizer q) {
        if (inputQuantizer != null) {
            throw new IllegalStateException(name + " already quantizes its input");
        }
        inputQuantizer = q;
        for (Parameter p : q.parameters()) {
            addParameter(p);
        }
    }

    @Override
    public ActivationQuantizer inputQuantizer() {
        return inputQuantizer;
    }

    @Override
    public Parameter floatBias() {
        return floatBias;
    }

    @Override
    public void setWeightMode(WeightMode mode) {
        this.mode = mode;
    }

    @Override
    public WeightMode weightMode() {
        return mode;
    }

    @Override
    public void setProgress(double progress) {
        this.progress = progress;
    }

    @Override
    public double progress() {
        return progress;
    }

    @Override
    public long weightCount() {
        return weightShape.size();
    }

    @Override
    public Shape weightShape() {
        return weightShape;
    }

    /** A leaf block: instead of children, lets the quantizer set values that depend on the initial weights. */
    @Override
    protected void initializeChildBlocks(NDManager manager, ai.djl.ndarray.types.DataType dataType,
            Shape... inputShapes) {
        quantizer.initialized(quantizer.parameters().stream().map(Parameter::getArray).toList());
    }

    /**
     * The input after the quantizer's transform (identity but for BitNet's RMSNorm), then through the
     * activation quantizer if the layer has one; in the input's manager.
     */
    NDArray input(ParameterStore store, NDArray x, boolean training) {
        NDArray in = quantizer.transformInput(x);
        if (inputQuantizer == null) {
            return in;
        }
        List<NDArray> values = new ArrayList<>();
        for (Parameter p : inputQuantizer.parameters()) {
            values.add(store.getValue(p, x.getDevice(), training));
        }
        return inputQuantizer.apply(in, values, training);
    }

    /** Weight (in the layer's shape) and bias (or null) for one forward pass, owned by the input's manager. */
    NDArray[] weights(ParameterStore store, NDArray input, boolean training) {
        NDManager owner = input.getManager();
        List<NDArray> values = new ArrayList<>();
        for (Parameter p : quantizer.parameters()) {
            values.add(store.getValue(p, input.getDevice(), training));
        }
        NDArray bias = floatBias == null ? null : store.getValue(floatBias, input.getDevice(), training);
        double t = progress;
        WeightMode m = mode;
        quantizer.prepare(values, t);
        NDArray[] out = new NDArray[2];
        // Ops on a parameter would attach their results to the model's manager and leak every step:
        // borrow the parameters into a scratch manager and hand only the results to the batch.
        try (NDManager scratch = owner.newSubManager()) {
            for (NDArray v : values) {
                v.tempAttach(scratch);
            }
            QuantizedWeights q = quantizer.compute(values, m, t, scratch);
            out[0] = q.weight().reshape(weightShape);
            NDArray b = q.bias() != null ? q.bias() : bias;
            if (q.extraBias() != null) {
                if (b == bias && bias != null) {
                    bias.tempAttach(scratch);
                }
                b = b == null ? q.extraBias() : b.add(q.extraBias());
            }
            out[1] = b;
            out[0].attach(owner);
            if (b != null && b != bias) {
                b.attach(owner);
            }
        }
        return out;
    }
}
