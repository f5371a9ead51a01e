package org.ringlab.train.init;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.WeightMode;
import org.ringlab.nn.init.DeployedWeights;
import org.ringlab.nn.init.FloatInit;
import org.ringlab.nn.init.FloatLayer;
import org.ringlab.nn.quantizer.ParameterFill;

/**
 * Starts an initialised model from a {@link FloatNetwork}: leaves are paired in forward order (conv
 * with conv, linear with linear, BatchNorm with BatchNorm; shapes must agree), plain layers and
 * BatchNorms are copied, and each quantized layer is set by the method's {@link FloatInit}. The scale
 * s a quantized layer returns is absorbed by the BatchNorm right after it (running mean / s, running
 * variance / s², exact in evaluation and irrelevant in training, where BatchNorm uses batch statistics);
 * a float bias becomes b/s. A pretrained bias the model's layer lacks (ring layers without ring biases)
 * is folded into that BatchNorm's running mean.
 */
public final class PretrainedStart {
    private PretrainedStart() {
    }

    /**
     * @throws IOException one line naming the source and the first leaf that does not fit
     */
    public static InitReport apply(FloatNetwork net, BuiltModel model, FloatInit init) throws IOException {
        List<Block> targets = Leaves.of(model.block());
        List<FloatNetwork.Leaf> sources = net.leaves();
        List<String> names = names(targets);
        int common = Math.min(targets.size(), sources.size());
        for (int i = 0; i < common; i++) {
            if (!sources.get(i).kind().equals(Leaves.kind(targets.get(i)))) {
                throw error(net, sources.get(i).name() + " is a " + sources.get(i).kind() + " where the model has "
                        + names.get(i) + " (a " + Leaves.kind(targets.get(i)) + "): not the same architecture");
            }
        }
        if (targets.size() != sources.size()) {
            throw error(net, "has " + sources.size() + " conv/linear/BatchNorm layers, the model " + targets.size()
                    + ": not the same architecture");
        }
        List<InitReport.Layer> report = new ArrayList<>();
        double pendingScale = 1;
        float[] pendingShift = null;
        for (int i = 0; i < targets.size(); i++) {
            Block target = targets.get(i);
            boolean normFollows = i + 1 < targets.size() && targets.get(i + 1) instanceof BatchNorm;
            if (sources.get(i) instanceof FloatNetwork.Norm norm) {
                loadNorm(net, norm, target, names.get(i), pendingScale, pendingShift);
                pendingScale = 1;
                pendingShift = null;
                continue;
            }
            FloatLayer layer = ((FloatNetwork.Weighted) sources.get(i)).layer();
            checkShape(net, layer.name() + " weight", layer.shape(), names.get(i) + " weight", weightShape(target));
            float[] bias = layer.bias();
            Parameter targetBias = target instanceof QuantizedLayer q ? q.floatBias()
                    : Leaves.param(target, Parameter.Type.BIAS);
            boolean ownsBias = target instanceof QuantizedLayer q && q.quantizer().ownsBias();
            if (bias != null && targetBias == null && !ownsBias) {
                if (!normFollows) {
                    throw error(net, layer.name() + " has a bias, but the model's " + names.get(i)
                            + " has none and no BatchNorm follows to absorb it");
                }
                pendingShift = bias;
            }
            double scale = 1;
            if (target instanceof QuantizedLayer q) {
                scale = init.initialise(q, layer, normFollows);
                if (!(scale > 0) || (!normFollows && scale != 1)) {
                    throw new IllegalStateException(q.layerName() + ": initialiser returned scale " + scale
                            + (normFollows ? "" : " with no BatchNorm to absorb it"));
                }
                report.add(new InitReport.Layer(q.layerName(), scale,
                        relativeError(layer, DeployedWeights.of(q, WeightMode.SOFT), scale),
                        relativeError(layer, DeployedWeights.of(q), scale)));
            } else {
                ParameterFill.copy(Leaves.param(target, Parameter.Type.WEIGHT).getArray(), layer.weight());
            }
            if (targetBias != null) {
                float[] b = bias == null ? new float[(int) targetBias.getArray().size()] : bias;
                checkShape(net, layer.name() + " bias", new long[] {b.length}, names.get(i) + " bias",
                        targetBias.getArray().getShape().getShape());
                float[] scaled = new float[b.length];
                for (int j = 0; j < b.length; j++) {
                    scaled[j] = (float) (b[j] / scale);
                }
                ParameterFill.copy(targetBias.getArray(), scaled);
            }
            pendingScale = scale;
        }
        return new InitReport(net.source(), init.rule(), report);
    }

    private static void loadNorm(FloatNetwork net, FloatNetwork.Norm norm, Block target, String name, double scale,
            float[] shift) throws IOException {
        FloatNetwork.Stats s = norm.stats();
        float[] mean = s.mean();
        float[] variance = s.variance();
        long[] expected = Leaves.param(target, Parameter.Type.RUNNING_MEAN).getArray().getShape().getShape();
        checkShape(net, norm.name(), new long[] {mean.length}, name, expected);
        for (int c = 0; c < mean.length; c++) {
            double m = shift == null ? mean[c] : mean[c] - shift[c];
            mean[c] = (float) (m / scale);
            variance[c] = (float) (variance[c] / (scale * scale));
        }
        ParameterFill.copy(Leaves.param(target, Parameter.Type.GAMMA).getArray(), s.gamma());
        ParameterFill.copy(Leaves.param(target, Parameter.Type.BETA).getArray(), s.beta());
        ParameterFill.copy(Leaves.param(target, Parameter.Type.RUNNING_MEAN).getArray(), mean);
        ParameterFill.copy(Leaves.param(target, Parameter.Type.RUNNING_VAR).getArray(), variance);
    }

    /** ‖s·w_q − W‖/‖W‖ (the absolute error for an all-zero W). */
    static double relativeError(FloatLayer source, float[] q, double scale) {
        float[] w = source.weight();
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < w.length; i++) {
            double d = scale * q[i] - w[i];
            diff += d * d;
            norm += (double) w[i] * w[i];
        }
        return norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff);
    }

    private static long[] weightShape(Block target) {
        if (target instanceof QuantizedLayer q) {
            return q.weightShape().getShape();
        }
        Shape shape = Leaves.param(target, Parameter.Type.WEIGHT).getArray().getShape();
        return shape.getShape();
    }

    private static void checkShape(FloatNetwork net, String what, long[] shape, String where, long[] expected)
            throws IOException {
        if (!Arrays.equals(shape, expected)) {
            throw error(net, what + " is " + Arrays.toString(shape) + " but the model's " + where + " is "
                    + Arrays.toString(expected));
        }
    }

    /** The model's leaves as messages name them: a quantized layer by its name, others by kind and index. */
    private static List<String> names(List<Block> targets) {
        List<String> names = new ArrayList<>();
        int convs = 0;
        int linears = 0;
        int norms = 0;
        for (Block b : targets) {
            String kind = Leaves.kind(b);
            int index = switch (kind) {
                case "conv" -> convs++;
                case "linear" -> linears++;
                default -> norms++;
            };
            names.add(b instanceof QuantizedLayer q ? q.layerName() + " (" + kind + " #" + index + ")"
                    : kind + " #" + index);
        }
        return names;
    }

    private static IOException error(FloatNetwork net, String message) {
        return new IOException("init-from " + net.source() + ": " + message);
    }
}
