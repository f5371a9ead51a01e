package org.ringlab.config;

import static org.ringlab.config.Setting.Group.BOOKKEEPING;
import static org.ringlab.config.Setting.Group.DATA;
import static org.ringlab.config.Setting.Group.MACHINE;
import static org.ringlab.config.Setting.Group.METHOD;
import static org.ringlab.config.Setting.Group.MODEL;
import static org.ringlab.config.Setting.Group.OPTIMIZER;
import static org.ringlab.config.Setting.Group.RING;
import static org.ringlab.config.Setting.Group.RUN;
import static org.ringlab.config.Setting.Group.SCHEDULE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/**
 * The settings registry: every setting of {@link RunConfig}, declared once, in the record's
 * component order (which is also config.json's key order). A new setting is one declaration here
 * plus its {@link RunConfig} component and builder setter; {@code SettingsRegistryTest} checks
 * that the two agree.
 */
public final class Settings {

    public static final Setting<String> DATA_DIR = Setting.of("data", String.class, RunConfig::data, "sample-data")
            .group(DATA).paramLabel("DIR").label("Data")
            .help("A data folder: MNIST-family IDX, CIFAR-10/100 (binary or Python pickles) or one folder of images per class");
    public static final Setting<Integer> IMAGE_SIZE = Setting.of("image-size", Integer.class, RunConfig::imageSize, 32)
            .group(DATA).range(Range.ints(1, 1024).rule("must be 1..1024 pixels")).unit("pixels").paramLabel("PX")
            .help("Side of the square images an image folder is resized to (other formats keep their size)");
    public static final Setting<ModelKind> MODEL_KIND = Setting.of("model", ModelKind.class, RunConfig::model,
                    ModelKind.LENET)
            .group(MODEL).label("Model").help("lenet, mlp, resnet20, resnet32, resnet44");
    public static final Setting<Method> METHOD_KIND = Setting.of("method", Method.class, RunConfig::method,
                    Method.RING)
            .group(Setting.Group.METHOD).label("Method").help(orList(Method.class)).note("; see docs/methods.md");
    public static final Setting<RingType> RING_TYPE = Setting.of("ring-type", RingType.class, RunConfig::ringType,
                    RingType.TRIANGLE)
            .group(RING).usedBy(Method::usesRing).label("Ring type").help("triangle or sin");
    public static final Setting<Integer> RING_SIZE = Setting.of("ring-size", Integer.class, RunConfig::ringSize, 8)
            .group(RING).usedBy(Method::usesRing).range(Range.ints(2, 64).rule("a ring needs 2..64 slots"))
            .unit("slots").paramLabel("N").label("Ring size").help("Slots on the ring, 2..64");
    public static final Setting<RingMode> RING_MODE = Setting.of("ring-mode", RingMode.class, RunConfig::ringMode,
                    RingMode.REFERENCE)
            .group(RING).usedBy(Method::usesRing).label("Construction")
            .help("reference (published code, endpoint included) or uniform");
    public static final Setting<Double> SIGMA = Setting.of("sigma", Double.class, RunConfig::sigma, null)
            .nullable().group(RING).usedBy(Method::usesRing).range(Range.positive()).unit("slots").label("σ")
            .prompt("default max(0.5, n/32)").help("Kernel width in slots").defaultShown("max(0.5, n/32)");
    public static final Setting<Boolean> BATCH_NORM = Setting.of("batch-norm", Boolean.class, RunConfig::batchNorm,
                    true)
            .group(MODEL).label("BatchNorm (LeNet/MLP)")
            .help("BatchNorm after hidden layers of LeNet/MLP; ResNets always have it").defaultShown("on");
    public static final Setting<Boolean> RING_BIAS = Setting.of("ring-bias", Boolean.class, RunConfig::ringBias, null)
            .nullable().group(RING).usedBy(Method::usesRing)
            .help("Ring-valued biases").defaultShown("LeNet/MLP yes, ResNet no");
    public static final Setting<Boolean> QUANTIZE_FIRST = Setting.of("quantize-first", Boolean.class,
                    RunConfig::quantizeFirst, true)
            .group(MODEL).usedByQuantized().help("Ring-quantize the first layer");
    public static final Setting<Boolean> QUANTIZE_LAST = Setting.of("quantize-last", Boolean.class,
                    RunConfig::quantizeLast, false)
            .group(MODEL).usedByQuantized().help("Ring-quantize the classifier");
    public static final Setting<String> INIT_FROM = Setting.of("init-from", String.class, RunConfig::initFrom, null)
            .nullable().group(MODEL).paramLabel("RUN|FILE").label("Initialise from")
            .prompt("FP32 run (folder or workspace id) or .pth state dict")
            .help("Start from a pretrained FP32 network: a RingLab FP32 run (its folder, or its id in the workspace) "
                    + "or a PyTorch FP32 state dict (.pth, read safely). Each method sets its parameters from the "
                    + "FP32 weights (LSQ: step 2·mean|w|/√Q_P; INFERRED: the ring's scale search and inversion, "
                    + "TTQ's W_p/W_n, DoReFa's scale, the BatchNorm re-estimation before the first step) and the "
                    + "run records epoch 0; see docs/methods/training.md")
            .defaultShown("random initialisation");
    public static final Setting<Integer> BITS = Setting.of("bits", Integer.class, RunConfig::bits, 2)
            .group(METHOD).usedBy(Method::usesBits).rangeText("1..8 (pow2: 1..6; slq: 2..8)").unit("bits")
            .paramLabel("B").label("Bits").prompt("1..8 (pow2: 1..6; slq: 2..8)")
            .help("Code width of lsq, dorefa and pow2, 1..8; of slq, 2..8 (2^(b−1) + 1 k-means levels)");
    public static final Setting<TwnVariant> TWN_VARIANT = Setting.of("twn-variant", TwnVariant.class,
                    RunConfig::twnVariant, TwnVariant.PAPER)
            .group(METHOD).usedBy(m -> m == Method.TWN).label("TWN variant")
            .help("paper (Δ=0.7·mean|W| per layer) or repo (0.75, per output channel)");
    public static final Setting<Double> TTQ_THRESHOLD = Setting.of("ttq-threshold", Double.class,
                    RunConfig::ttqThreshold, 0.05)
            .group(METHOD).usedBy(m -> m == Method.TTQ).range(Range.of(0, true, 1, true, "must be in (0, 1)", "(0, 1)"))
            .label("TTQ t").prompt("Δ = t·max|w| (0.05)").help("TTQ's t in Δ = t·max|w|");
    public static final Setting<Boolean> BITNET_RMSNORM = Setting.of("bitnet-rmsnorm", Boolean.class,
                    RunConfig::bitnetRmsnorm, false)
            .group(METHOD).usedBy(m -> m == Method.BITNET).label("Extra RMSNorm before each layer")
            .help("BitNet: extra RMSNorm before each quantized layer");
    public static final Setting<Double> BITNET_WARMUP = Setting.of("bitnet-warmup", Double.class,
                    RunConfig::bitnetWarmup, 0.0)
            .group(METHOD).usedBy(m -> m == Method.BITNET)
            .range(Range.of(0, false, 1, false, "must be in [0, 1] (a share of the training steps)", "[0, 1]"))
            .unit("share of steps").label("λ warm-up").prompt("share of steps, 0 = ternary at once")
            .help("BitNet: share of steps over which λ ramps from FP to ternary; 0 = ternary from the start");
    public static final Setting<Boolean> BITNET_LAYERWISE = Setting.of("bitnet-layerwise", Boolean.class,
                    RunConfig::bitnetLayerwise, false)
            .group(METHOD).usedBy(m -> m == Method.BITNET).label("Warm-up layer by layer")
            .help("BitNet: the λ warm-up goes layer by layer, input to output, instead of all layers at once");
    public static final Setting<Double> TEQUILA_LAMBDA = Setting.of("tequila-lambda", Double.class,
                    RunConfig::tequilaLambda, 1e-3)
            .group(METHOD).usedBy(m -> m == Method.TEQUILA).range(Range.nonNegative()).label("Tequila λ")
            .prompt("dead-zone bias factor (0.001)").help("Tequila's dead-zone bias factor λ");
    public static final Setting<Integer> TEQUILA_GROUP = Setting.of("tequila-group", Integer.class,
                    RunConfig::tequilaGroup, 128)
            .group(METHOD).usedBy(m -> m == Method.TEQUILA).range(Range.atLeast(1)).unit("inputs").paramLabel("G")
            .label("Group size").prompt("128").help("Tequila's group size");
    public static final Setting<Double> ANNEAL_SIGMA = Setting.of("anneal-sigma", Double.class,
                    RunConfig::annealSigma, 0.05)
            .group(METHOD).usedBy(m -> m == Method.RING_ANNEAL).rangeText("(0, sigma)").unit("slots")
            .label("Final σ").prompt("σ at the end of training (0.05)")
            .help("ring-anneal: final σ in slots, reached geometrically at the end");
    public static final Setting<Double> POW2_SLOPE = Setting.of("pow2-slope", Double.class, RunConfig::pow2Slope,
                    100.0)
            .group(METHOD).usedBy(m -> m == Method.POW2)
            .range(Range.of(1, false, Double.POSITIVE_INFINITY, true, "must be a finite number >= 1 (1 = identity)",
                    ">= 1, finite"))
            .label("Final slope k").prompt("INFERRED relaxation, 1 → k (100)")
            .help("pow2 (INFERRED): final slope k of the relaxation, ramped geometrically from 1");
    public static final Setting<Integer> SLQ_STAGES = Setting.of("slq-stages", Integer.class, RunConfig::slqStages, 4)
            .group(METHOD).usedBy(m -> m == Method.SLQ || m == Method.MLQ)
            .range(Range.ints(1, 16).rule("must be 1..16 stages")).unit("stages").paramLabel("S")
            .label("Stages (INFERRED)").prompt("frozen share 50 %, 75 %, … 100 % (4)")
            .help("slq, mlq (INFERRED schedule): training is cut into S stages; in stage s a layer's share 1 − 2^−s "
                    + "(1 in the last) is frozen at its k-means level, the rest trains in float");
    public static final Setting<Integer> MLQ_GROUPS = Setting.of("mlq-groups", Integer.class, RunConfig::mlqGroups, 3)
            .group(METHOD).usedBy(m -> m == Method.MLQ)
            .range(Range.ints(1, 64).rule("must be 1..64 layer groups")).unit("groups").paramLabel("G")
            .label("Layer groups (INFERRED)").prompt("incremental layer compensation (3)")
            .help("mlq (INFERRED): layer groups, input to output, that reach each stage's share one after "
                    + "another while the later ones compensate");
    public static final Setting<AdmmSet> ADMM_SET = Setting.of("admm-set", AdmmSet.class, RunConfig::admmSet,
                    AdmmSet.TERNARY)
            .group(METHOD).usedBy(m -> m == Method.ADMM).label("Projection set")
            .help("admm: the set Q of the constraint α·Q: binary {±1}, ternary {0,±1}, pm2 {0,±1,±2} or pm4 {0,±1,±2,±4}");
    public static final Setting<Double> ADMM_RHO = Setting.of("admm-rho", Double.class, RunConfig::admmRho, 1e-3)
            .group(METHOD).usedBy(m -> m == Method.ADMM).range(Range.nonNegative()).label("ρ")
            .prompt("proximal weight (0.001), ×1.1 per update")
            .help("admm: initial ρ of the proximal term (ρ/2)·‖W − G + λ‖², ×1.1 per projection update, capped at 1 "
                    + "(INFERRED default)");
    public static final Setting<Double> ADMM_EVERY = Setting.of("admm-every", Double.class, RunConfig::admmEvery, 1.0)
            .group(METHOD).usedBy(m -> m == Method.ADMM).range(Range.positive()).unit("epochs")
            .label("Update every").prompt("epochs between projection updates (1)")
            .help("admm: epochs between the projection (G) and dual (λ) updates; fractions allowed");
    public static final Setting<Double> STQ_ETA = Setting.of("stq-eta", Double.class, RunConfig::stqEta, 1e-3)
            .group(METHOD).usedBy(m -> m == Method.STQ).range(Range.nonNegative()).label("η (INFERRED)")
            .prompt("INFERRED regulariser weight (0.001)")
            .help("stq (INFERRED): final weight η of the binary/ternary regulariser, ramped from 0 over the first 0.3 "
                    + "of training");
    public static final Setting<Double> HLA_GAMMA = Setting.of("hla-gamma", Double.class, RunConfig::hlaGamma, 0.05)
            .group(METHOD).usedBy(m -> m == Method.HLA).range(Range.nonNegative()).label("γ (INFERRED)")
            .prompt("INFERRED cosine-regulariser weight (0.05)")
            .help("hla (INFERRED): final weight γ of the stage-1 cosine regulariser, ramped from 0 over stage 1");
    public static final Setting<Double> HLA_STAGE1 = Setting.of("hla-stage1", Double.class, RunConfig::hlaStage1, 0.3)
            .group(METHOD).usedBy(m -> m == Method.HLA)
            .range(Range.of(0, false, 1, false, "must be in [0, 1] (a share of the training steps)", "[0, 1]"))
            .unit("share of steps").label("Stage 1 (INFERRED)").prompt("share of steps regularised before ternarising")
            .help("hla (INFERRED): share of training in stage 1 (float weights, cosine regulariser) before the "
                    + "ternary stage 2");
    public static final Setting<Integer> ACT_BITS = Setting.of("act-bits", Integer.class, RunConfig::actBits, null)
            .nullable().group(METHOD).usedByQuantized().rangeText("1..8 (bitnet: 8, hitnet: 2, pow2: 1..6)")
            .unit("bits").paramLabel("B").label("Activation bits").prompt("empty = float activations")
            .help("Bits of the activations at the input of every quantized conv and linear layer (runs are "
                    + "named like W2A2); empty keeps activations float, as weights-only runs have them")
            .defaultShown("float").note("; see docs/methods/activations.md");
    public static final Setting<ActQuantizer> ACT_QUANTIZER = Setting.of("act-quantizer", ActQuantizer.class,
                    RunConfig::actQuantizer, ActQuantizer.LSQ)
            .group(METHOD).usedByQuantized().label("Activation quantizer")
            .help("How activations are quantized when act-bits is set: lsq (learned step), dorefa (clip to [0, 1]), "
                    + "pact (learned clip α; its L2 is weight-decay), bitnet (8-bit absmax per token), pow2 (INFERRED: "
                    + "learned power-of-two levels) or hitnet (Bernoulli ternary; RECALLED/INFERRED)");
    public static final Setting<Integer> ACT_FIRST_BITS = Setting.of("act-first-bits", Integer.class,
                    RunConfig::actFirstBits, null)
            .nullable().group(METHOD).usedByQuantized().rangeText("as act-bits; signed quantizers only").unit("bits")
            .paramLabel("B")
            .help("Bits of the first layer's input, the normalised (signed) image, when the first layer is quantized; "
                    + "empty keeps it float (DoReFa's and PACT's convention; LSQ's is signed 8-bit)")
            .defaultShown("float");
    public static final Setting<Integer> ACT_LAST_BITS = Setting.of("act-last-bits", Integer.class,
                    RunConfig::actLastBits, null)
            .nullable().group(METHOD).usedByQuantized().rangeText("as act-bits").unit("bits").paramLabel("B")
            .help("Bits of the classifier's input when the classifier is quantized (quantize-last); empty keeps it "
                    + "float (DoReFa's and PACT's convention; LSQ's is 8-bit)")
            .defaultShown("float");
    public static final Setting<Double> ACT_PACT_ALPHA = Setting.of("act-pact-alpha", Double.class,
                    RunConfig::actPactAlpha, 10.0)
            .group(METHOD).usedByQuantized().range(Range.positive()).unit("activation units")
            .help("PACT: the clip level α every layer input starts at (10 in the CIFAR recipe [SUMMARY]; inputs "
                    + "that never reach α give α no gradient but weight-decay's L2)");
    public static final Setting<OptimizerKind> OPTIMIZER_KIND = Setting.of("optimizer", OptimizerKind.class,
                    RunConfig::optimizer, OptimizerKind.ADAM)
            .group(OPTIMIZER).label("Optimizer").help("sgd or adam");
    public static final Setting<Double> LR = Setting.of("lr", Double.class, RunConfig::lr, 1e-3)
            .group(OPTIMIZER).range(Range.positive()).label("Learning rate").help("Base learning rate");
    public static final Setting<Double> MOMENTUM = Setting.of("momentum", Double.class, RunConfig::momentum, 0.9)
            .group(OPTIMIZER).range(Range.unitHalfOpen()).help("SGD momentum");
    public static final Setting<Boolean> NESTEROV = Setting.of("nesterov", Boolean.class, RunConfig::nesterov, false)
            .group(OPTIMIZER).help("Nesterov momentum");
    public static final Setting<Double> WEIGHT_DECAY = Setting.of("weight-decay", Double.class,
                    RunConfig::weightDecay, 0.0)
            .group(OPTIMIZER).range(Range.nonNegative()).help("L2 weight decay; the reference uses 1e-4 with SGD");
    public static final Setting<Boolean> WEIGHT_DECAY_POSITIONS = Setting.of("weight-decay-positions", Boolean.class,
                    RunConfig::weightDecayPositions, true)
            .group(OPTIMIZER).usedBy(Method::usesRing)
            .help("Apply weight decay to ring positions too, as the reference does");
    public static final Setting<Double> ADAM_BETA1 = Setting.of("adam-beta1", Double.class, RunConfig::adamBeta1, 0.9)
            .group(OPTIMIZER).range(Range.unitHalfOpen()).help("Adam β1");
    public static final Setting<Double> ADAM_BETA2 = Setting.of("adam-beta2", Double.class, RunConfig::adamBeta2,
                    0.999)
            .group(OPTIMIZER).range(Range.unitHalfOpen()).help("Adam β2");
    public static final Setting<Double> ADAM_EPS = Setting.of("adam-eps", Double.class, RunConfig::adamEps, 1e-8)
            .group(OPTIMIZER).range(Range.positive()).help("Adam ε");
    public static final Setting<Integer> EPOCHS = Setting.of("epochs", Integer.class, RunConfig::epochs, 3)
            .group(SCHEDULE).range(Range.atLeast(1)).paramLabel("N").label("Epochs").help("Epochs");
    public static final Setting<Integer> BATCH_SIZE = Setting.of("batch-size", Integer.class, RunConfig::batchSize,
                    128)
            .group(SCHEDULE).range(Range.ints(1, ConfigValidator.MAX_BATCH_SIZE)).unit("images").paramLabel("N")
            .label("Batch size").help("Training batch size");
    public static final Setting<Integer> TEST_BATCH_SIZE = Setting.of("test-batch-size", Integer.class,
                    RunConfig::testBatchSize, 1000)
            .group(SCHEDULE).range(Range.ints(1, ConfigValidator.MAX_BATCH_SIZE)).unit("images").paramLabel("N")
            .help("Evaluation batch size");
    public static final Setting<ScheduleSpec> SCHEDULE_SPEC = Setting.of("schedule", ScheduleSpec.class,
                    RunConfig::schedule, ScheduleSpec.CONSTANT)
            .group(SCHEDULE).rangeText("constant, cosine, multistep:M1,M2:GAMMA").label("Schedule")
            .prompt("constant | cosine | multistep:M1,M2:GAMMA").help("multistep:M1,M2:GAMMA | cosine | constant");
    public static final Setting<Double> WARMUP_EPOCHS = Setting.of("warmup-epochs", Double.class,
                    RunConfig::warmupEpochs, 0.0)
            .group(SCHEDULE).rangeText("[0, epochs)").unit("epochs").label("Warm-up").prompt("epochs")
            .help("Linear warm-up length in epochs");
    public static final Setting<Double> CLIP_NORM = Setting.of("clip-norm", Double.class, RunConfig::clipNorm, 5.0)
            .group(OPTIMIZER).range(Range.nonNegative()).help("Global gradient-norm clip, 0 = off");
    public static final Setting<PositionBound> POSITION_BOUND = Setting.of("position-bound", PositionBound.class,
                    RunConfig::positionBound, PositionBound.CLAMP)
            .group(RING).usedBy(Method::usesRing).help("clamp (reference) or wrap positions into [0,1]");
    public static final Setting<Long> SEED = Setting.of("seed", Long.class, RunConfig::seed, 42L)
            .group(RUN).label("Seed").help("Seed for initialisation, shuffling and augmentation");
    public static final Setting<Boolean> AUGMENT = Setting.of("augment", Boolean.class, RunConfig::augment, null)
            .nullable().group(DATA).help("Random crop + flip").defaultShown("on for CIFAR-10, off for MNIST");
    public static final Setting<Integer> SNAPSHOT_EVERY = Setting.of("snapshot-every", Integer.class,
                    RunConfig::snapshotEvery, 50)
            .group(BOOKKEEPING).range(Range.atLeast(1)).unit("steps").paramLabel("STEPS")
            .help("Steps between position snapshots");
    public static final Setting<Integer> SNAPSHOT_SUB_BINS = Setting.of("snapshot-sub-bins", Integer.class,
                    RunConfig::snapshotSubBins, 8)
            .group(BOOKKEEPING).range(Range.ints(1, ConfigValidator.MAX_SNAPSHOT_SUB_BINS)).unit("bins per slot")
            .paramLabel("M").help("Histogram bins per ring slot");
    public static final Setting<Integer> CHECKPOINT_EVERY = Setting.of("checkpoint-every", Integer.class,
                    RunConfig::checkpointEvery, 1)
            .group(BOOKKEEPING).range(Range.atLeast(1)).unit("epochs").paramLabel("EPOCHS")
            .help("Epochs between resumable checkpoints; the last epoch always gets one");
    public static final Setting<Integer> BN_RECAL_BATCHES = Setting.of("bn-recal-batches", Integer.class,
                    RunConfig::bnRecalBatches, 50)
            .group(BOOKKEEPING).range(Range.atLeast(0)).unit("batches").paramLabel("N")
            .help("Training batches for BatchNorm re-estimation of the snapped model");
    public static final Setting<Integer> LIMIT_TRAIN = Setting.of("limit-train", Integer.class, RunConfig::limitTrain,
                    0)
            .group(DATA).range(Range.atLeast(0)).unit("images").paramLabel("N")
            .help("Use a class-balanced subset of N training images").defaultShown("all");
    public static final Setting<Integer> LIMIT_TEST = Setting.of("limit-test", Integer.class, RunConfig::limitTest, 0)
            .group(DATA).range(Range.atLeast(0)).unit("images").paramLabel("N")
            .help("Use a class-balanced subset of N test images").defaultShown("all");
    public static final Setting<Integer> THREADS = Setting.of("threads", Integer.class, RunConfig::threads, 0)
            .group(MACHINE).range(Range.atLeast(0)).paramLabel("N").help("Intra-op threads")
            .defaultShown("engine default, the core count");
    public static final Setting<DeviceKind> DEVICE = Setting.of("device", DeviceKind.class, RunConfig::device,
                    DeviceKind.AUTO)
            .group(MACHINE).label("Device").help("auto, cpu or gpu");
    public static final Setting<String> OUT = Setting.of("out", String.class, RunConfig::out, null)
            .nullable().group(RUN).paramLabel("DIR").panel(Setting.Panel.NONE).help("Run directory")
            .defaultShown("runs/<time>-<model>-<method>");
    public static final Setting<String> NAME = Setting.of("name", String.class, RunConfig::name, null)
            .nullable().group(RUN).help("A name for the run");

    private static final List<Setting<?>> ALL = List.of(DATA_DIR, IMAGE_SIZE, MODEL_KIND, METHOD_KIND, RING_TYPE, RING_SIZE,
            RING_MODE, SIGMA, BATCH_NORM, RING_BIAS, QUANTIZE_FIRST, QUANTIZE_LAST, INIT_FROM, BITS, TWN_VARIANT,
            TTQ_THRESHOLD, BITNET_RMSNORM, BITNET_WARMUP, BITNET_LAYERWISE, TEQUILA_LAMBDA, TEQUILA_GROUP, ANNEAL_SIGMA,
            POW2_SLOPE, SLQ_STAGES, MLQ_GROUPS, ADMM_SET, ADMM_RHO, ADMM_EVERY, STQ_ETA, HLA_GAMMA, HLA_STAGE1,
            ACT_BITS, ACT_QUANTIZER, ACT_FIRST_BITS, ACT_LAST_BITS, ACT_PACT_ALPHA,
            OPTIMIZER_KIND, LR, MOMENTUM, NESTEROV, WEIGHT_DECAY, WEIGHT_DECAY_POSITIONS, ADAM_BETA1,
            ADAM_BETA2, ADAM_EPS, EPOCHS, BATCH_SIZE, TEST_BATCH_SIZE, SCHEDULE_SPEC, WARMUP_EPOCHS, CLIP_NORM,
            POSITION_BOUND, SEED, AUGMENT, SNAPSHOT_EVERY, SNAPSHOT_SUB_BINS, CHECKPOINT_EVERY, BN_RECAL_BATCHES,
            LIMIT_TRAIN, LIMIT_TEST, THREADS, DEVICE, OUT, NAME);

    private static final Map<String, Setting<?>> BY_KEY = ALL.stream()
            .collect(Collectors.toMap(Setting::key, s -> s, (a, b) -> {
                throw new IllegalStateException("two settings named " + a.key());
            }, LinkedHashMap::new));

    private Settings() {
    }

    /** Every setting, in {@link RunConfig}'s component order (config.json's order). */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** The setting with this key, or null. */
    public static Setting<?> byKey(String key) {
        return BY_KEY.get(key);
    }

    /** Every key, in {@link #all()} order. */
    public static List<String> keys() {
        return List.copyOf(BY_KEY.keySet());
    }

    /** The settings {@code method} reads, in {@link #all()} order. */
    public static List<Setting<?>> usedBy(Method method) {
        return ALL.stream().filter(s -> s.usedBy(method)).toList();
    }

    /** The settings of one group, in {@link #all()} order. */
    public static List<Setting<?>> inGroup(Setting.Group group) {
        return ALL.stream().filter(s -> s.group() == group).toList();
    }

    /** "a, b or c" for an enum's keys. */
    private static String orList(Class<? extends Enum<?>> type) {
        List<String> keys = Arrays.stream(type.getEnumConstants()).map(ConfigEnum::keyOf).toList();
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
    }
}
