package org.ringlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.io.RegularFile;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The run-configuration flags. Each long name is also the key in a {@code --config} JSON file, so
 * the flags given on the command line are laid over the file's keys and parsed by the same
 * {@link RunConfigJson} code: one set of types, defaults and error messages for both.
 */
final class ConfigOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--config", paramLabel = "FILE.json", description = "Run configuration; flags override its keys.")
    Path configFile;

    @Option(names = "--data", paramLabel = "DIR", description = "MNIST-format (IDX) or CIFAR-10 binary folder (default: sample-data).")
    String data;

    @Option(names = "--model", description = "lenet, mlp, resnet20, resnet32, resnet44 (default: lenet).")
    String model;

    @Option(names = "--method", description = "fp32, ring, ring-ste, ring-anneal, twn, ttq, bitnet, tequila, lsq, dorefa "
            + "or pow2 (default: ring); see docs/methods.md.")
    String method;

    @Option(names = "--ring-type", description = "triangle or sin (default: triangle).")
    String ringType;

    @Option(names = "--ring-size", paramLabel = "N", description = "Slots on the ring, 2..64 (default: 8).")
    Integer ringSize;

    @Option(names = "--ring-mode", description = "reference (published code, endpoint included) or uniform (default: reference).")
    String ringMode;

    @Option(names = "--sigma", description = "Kernel width in slots (default: max(0.5, n/32)).")
    Double sigma;

    @Option(names = "--batch-norm", negatable = true, description = "BatchNorm after hidden layers (LeNet/MLP; default: on).")
    Boolean batchNorm;

    @Option(names = "--ring-bias", negatable = true, description = "Ring-valued biases (default: LeNet/MLP yes, ResNet no).")
    Boolean ringBias;

    @Option(names = "--quantize-first", negatable = true, description = "Ring-quantize the first layer (default: yes).")
    Boolean quantizeFirst;

    @Option(names = "--quantize-last", negatable = true, description = "Ring-quantize the classifier (default: no).")
    Boolean quantizeLast;

    @Option(names = "--bits", paramLabel = "B", description = "Code width of lsq, dorefa and pow2, 1..8 (default: 2).")
    Integer bits;

    @Option(names = "--twn-variant", description = "paper (Δ=0.7·mean|W| per layer) or repo (0.75, per output channel) (default: paper).")
    String twnVariant;

    @Option(names = "--ttq-threshold", description = "TTQ's t in Δ = t·max|w| (default: 0.05).")
    Double ttqThreshold;

    @Option(names = "--bitnet-rmsnorm", negatable = true, description = "BitNet: extra RMSNorm before each quantized layer (default: no).")
    Boolean bitnetRmsnorm;

    @Option(names = "--bitnet-warmup", description = "BitNet: share of steps over which λ ramps from FP to ternary; 0 = ternary from the start (default: 0).")
    Double bitnetWarmup;

    @Option(names = "--bitnet-layerwise", negatable = true, description = "BitNet: the λ warm-up goes layer by layer, input to output, instead of all layers at once (default: no).")
    Boolean bitnetLayerwise;

    @Option(names = "--tequila-lambda", description = "Tequila's dead-zone bias factor λ (default: 1e-3).")
    Double tequilaLambda;

    @Option(names = "--tequila-group", paramLabel = "G", description = "Tequila's group size (default: 128).")
    Integer tequilaGroup;

    @Option(names = "--anneal-sigma", description = "ring-anneal: final σ in slots, reached geometrically at the end (default: 0.05).")
    Double annealSigma;

    @Option(names = "--pow2-slope", description = "pow2 (INFERRED): final slope k of the relaxation, ramped geometrically from 1 (default: 100).")
    Double pow2Slope;

    @Option(names = "--optimizer", description = "sgd or adam (default: adam).")
    String optimizer;

    @Option(names = "--lr", description = "Base learning rate (default: 1e-3).")
    Double lr;

    @Option(names = "--momentum", description = "SGD momentum (default: 0.9).")
    Double momentum;

    @Option(names = "--nesterov", negatable = true, description = "Nesterov momentum (default: no).")
    Boolean nesterov;

    @Option(names = "--weight-decay", description = "L2 weight decay (default: 0; the reference uses 1e-4 with SGD).")
    Double weightDecay;

    @Option(names = "--weight-decay-positions", negatable = true, description = "Apply weight decay to ring positions too, as the reference does (default: yes).")
    Boolean weightDecayPositions;

    @Option(names = "--adam-beta1", description = "Adam β1 (default: 0.9).")
    Double adamBeta1;

    @Option(names = "--adam-beta2", description = "Adam β2 (default: 0.999).")
    Double adamBeta2;

    @Option(names = "--adam-eps", description = "Adam ε (default: 1e-8).")
    Double adamEps;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 3).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Training batch size (default: 128).")
    Integer batchSize;

    @Option(names = "--test-batch-size", paramLabel = "N", description = "Evaluation batch size (default: 1000).")
    Integer testBatchSize;

    @Option(names = "--schedule", description = "multistep:M1,M2:GAMMA | cosine | constant (default: constant).")
    String schedule;

    @Option(names = "--warmup-epochs", description = "Linear warm-up length in epochs (default: 0).")
    Double warmupEpochs;

    @Option(names = "--clip-norm", description = "Global gradient-norm clip, 0 = off (default: 5).")
    Double clipNorm;

    @Option(names = "--position-bound", description = "clamp (reference) or wrap positions into [0,1] (default: clamp).")
    String positionBound;

    @Option(names = "--seed", description = "Seed for initialisation, shuffling and augmentation (default: 42).")
    Long seed;

    @Option(names = "--augment", negatable = true, description = "Random crop + flip (default: on for CIFAR-10, off for MNIST).")
    Boolean augment;

    @Option(names = "--snapshot-every", paramLabel = "STEPS", description = "Steps between position snapshots (default: 50).")
    Integer snapshotEvery;

    @Option(names = "--snapshot-sub-bins", paramLabel = "M", description = "Histogram bins per ring slot (default: 8).")
    Integer snapshotSubBins;

    @Option(names = "--checkpoint-every", paramLabel = "EPOCHS", description = "Epochs between resumable checkpoints; the last epoch always gets one (default: 1).")
    Integer checkpointEvery;

    @Option(names = "--bn-recal-batches", paramLabel = "N", description = "Training batches for BatchNorm re-estimation of the snapped model (default: 50).")
    Integer bnRecalBatches;

    @Option(names = "--limit-train", paramLabel = "N", description = "Use a class-balanced subset of N training images (default: all).")
    Integer limitTrain;

    @Option(names = "--limit-test", paramLabel = "N", description = "Use a class-balanced subset of N test images (default: all).")
    Integer limitTest;

    @Option(names = "--threads", paramLabel = "N", description = "Intra-op threads (default: engine default, the core count).")
    Integer threads;

    @Option(names = "--device", description = "auto, cpu or gpu (default: auto).")
    String device;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/<time>-<model>-<method>).")
    String out;

    @Option(names = "--name", description = "A name for the run.")
    String name;

    /** The configuration: defaults, then the file, then the flags given. */
    RunConfig resolve(ParseResult parsed) {
        try {
            ObjectNode node = configFile == null ? JSON.createObjectNode() : readFile(configFile);
            for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
                for (OptionSpec o : pr.matchedOptions()) {
                    String key = o.longestName().substring(2);
                    if (!key.equals("config") && RunConfigJson.keys().contains(key)) {
                        node.set(key, JSON.valueToTree(o.getValue()));
                    }
                }
            }
            return RunConfigJson.fromJson(node.toString());
        } catch (InvalidConfigException e) {
            throw UserError.of(e);
        }
    }

    private static ObjectNode readFile(Path file) {
        String kind = RegularFile.problem(file);
        if ("does not exist".equals(kind)) {
            throw new UserError("--config " + file + ": no such file");
        }
        if (kind != null) {
            throw new UserError("--config " + file + " " + kind);
        }
        RunConfig fromFile = RunConfigJson.read(file);
        try {
            return (ObjectNode) JSON.readTree(RunConfigJson.toJson(fromFile));
        } catch (java.io.IOException e) {
            throw new UserError("--config " + file + ": " + e.getMessage(), e);
        }
    }
}
