package org.ringlab.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.activation.ActivationPlan;
import org.ringlab.quant.BitAccounting;
import org.ringlab.quant.CodeHistogram;

/**
 * Truthful bits of a model's deployed weights (docs/methods/bits.md#bit-accounting and
 * docs/methods/bits.md#per-method), as {@code bits.json} in the run directory: nominal bits next to the distinct levels
 * really used, their fixed-length width, the code entropy, the side information (scales, thresholds, fused biases) and
 * the weights-only and whole-model compression ratios. Counted from the codes the SNAPPED forward pass uses.
 *
 * <p>Whole-model CR = 32·(N_q + N_fp) / (Σ_l (b_l·N_l + 32·side_l) + 32·N_fp) with b_l the fixed-length
 * width ceil(log2 L_l) and N_fp every trainable float parameter outside the quantizers (BatchNorm
 * affine, biases, float first/last layers); BatchNorm running statistics are not counted, as in the ResNet-20 example
 * of docs/methods/bits.md#compression. A ratio that would be infinite (a constant layer with no side information) is
 * written as null.
 *
 * <p>Activations (docs/methods/activations.md): {@code activation_bits} is the code width of the hidden layers'
 * quantized inputs and each layer's {@code input_bits} its own (null: float); both null when activations stay
 * float. Learned activation scalars (LSQ's step, PACT's α) are float parameters and counted in {@code float_params};
 * BitNet's per-token scales are computed at run time and not stored.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BitsReport(String method, String methodLabel, double nominalBits, Integer distinctLevels,
        double levelBits, double entropyBits, double sideBitsPerWeight, long quantizedWeights, long floatParams,
        Double crWeightsOnly, Double crWholeModel, List<Layer> layers, Integer activationBits,
        String activationQuantizer) {

    /** The file name in a run directory. */
    public static final String FILE = "bits.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One quantized layer.
     *
     * @param inputBits the code width of the layer's quantized input, null where the input stays float
     */
    public record Layer(String layer, long weights, double nominalBits, int distinctLevels, int levelBits,
            double entropyBits, long sideFloats, Integer inputBits) {

        /** A layer whose input stays float. */
        public Layer(String layer, long weights, double nominalBits, int distinctLevels, int levelBits,
                double entropyBits, long sideFloats) {
            this(layer, weights, nominalBits, distinctLevels, levelBits, entropyBits, sideFloats, null);
        }
    }

    public BitsReport {
        layers = List.copyOf(layers);
    }

    /** Bits of an FP32 model: 32 nominal, no levels, compression 1. */
    public static BitsReport fp32(String method, long floatParams) {
        return new BitsReport(method, "FP32 baseline", 32, null, 32, 32, 0, 0, floatParams, 1.0, 1.0, List.of(), null,
                null);
    }

    /** Counts a model's deployed codes; runs on the training thread, between steps. */
    public static BitsReport of(String method, String label, BuiltModel model) {
        Set<String> quantizerIds = new HashSet<>();
        for (QuantizedLayer layer : model.quantizedLayers()) {
            for (Parameter p : layer.quantizer().parameters()) {
                quantizerIds.add(p.getId());
            }
        }
        long floats = 0;
        for (Pair<String, Parameter> p : model.trainableParameters()) {
            if (!quantizerIds.contains(p.getValue().getId())) {
                floats += p.getValue().getArray().getShape().size();
            }
        }
        if (model.quantizedLayers().isEmpty()) {
            return fp32(method, floats);
        }
        List<Layer> layers = new ArrayList<>();
        List<BitAccounting.QuantizedTensor> tensors = new ArrayList<>();
        for (QuantizedLayer layer : model.quantizedLayers()) {
            float[] codes;
            NDManager owner = layer.quantizer().latent().getArray().getManager();
            try (NDManager scratch = owner.newSubManager()) {
                codes = layer.deployedCodes(scratch);
            }
            CodeHistogram h = CodeHistogram.of(codes);
            long side = layer.quantizer().sideFloats();
            Integer inputBits = layer.inputQuantizer() == null ? null : layer.inputQuantizer().bits();
            layers.add(new Layer(layer.layerName(), codes.length, layer.quantizer().nominalBits(), h.levels(),
                    h.fixedLengthBits(), h.entropyBits(), side, inputBits));
            tensors.add(new BitAccounting.QuantizedTensor(layer.layerName(), codes.length, h.fixedLengthBits(), side));
        }
        ActivationPlan plan = model.spec().activations();
        BitsReport weights = summarise(method, label, layers, tensors, floats);
        return plan == null ? weights : weights.withActivations(plan.bits(), plan.label());
    }

    /**
     * This report with the activations' bits: the code width of the hidden layers' inputs (the first
     * and last layers' are in {@link Layer#inputBits()}) and the quantizer's label.
     */
    public BitsReport withActivations(Integer bits, String quantizer) {
        return new BitsReport(method, methodLabel, nominalBits, distinctLevels, levelBits, entropyBits,
                sideBitsPerWeight, quantizedWeights, floatParams, crWeightsOnly, crWholeModel, layers, bits, quantizer);
    }

    static BitsReport summarise(String method, String label, List<Layer> layers,
            List<BitAccounting.QuantizedTensor> tensors, long floats) {
        long n = 0;
        double nominal = 0;
        double levelBits = 0;
        double entropy = 0;
        long side = 0;
        int maxLevels = 0;
        for (Layer l : layers) {
            n += l.weights();
            nominal += l.nominalBits() * l.weights();
            levelBits += (double) l.levelBits() * l.weights();
            entropy += l.entropyBits() * l.weights();
            side += l.sideFloats();
            maxLevels = Math.max(maxLevels, l.distinctLevels());
        }
        return new BitsReport(method, label, nominal / n, maxLevels, levelBits / n, entropy / n, 32.0 * side / n, n,
                floats, finite(BitAccounting.weightsOnlyRatio(tensors)),
                finite(BitAccounting.wholeModelRatio(tensors, floats)), layers, null, null);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Writes the report as {@code dir/bits.json} through a temporary file renamed into place. */
    public void writeTo(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(this) + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static BitsReport read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BitsReport.class);
    }

    /** JSON text, for tests and tools. */
    public String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }
}
