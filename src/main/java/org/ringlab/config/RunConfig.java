package org.ringlab.config;

import java.util.List;
import java.util.Objects;

/**
 * Everything a training run is told: the contract between the CLI flags, a JSON config file (same
 * kebab-case keys, see {@link RunConfigJson}), the trainer and the UI. Immutable; change a copy
 * with {@code config.toBuilder().lr(0.01).build()}.
 *
 * <p>Construction only rejects nulls where a value is required; whether the values make sense
 * together is {@link #validate(DataProbe)}'s job, so that every problem is reported at once.
 *
 * <p>Components, in JSON key order and defaults:
 * <ul>
 *   <li>{@code data} = {@code sample-data}: a folder; its format is detected when the run starts
 *   <li>{@code model} = {@code lenet}
 *   <li>{@code method} = {@code ring}
 *   <li>{@code ring-type} = {@code triangle}
 *   <li>{@code ring-size} = {@code 8}: slots on the ring, i.e. distinct weight values
 *   <li>{@code ring-mode} = {@code reference}
 *   <li>{@code sigma} = {@code null}: {@link #effectiveSigma()} picks the spec default
 *   <li>{@code batch-norm} = {@code true}: BatchNorm after LeNet/MLP hidden layers; ResNets always have it
 *   <li>{@code ring-bias} = {@code null}: the model's default, see {@link #effectiveRingBias()}
 *   <li>{@code quantize-first} = {@code true}
 *   <li>{@code quantize-last} = {@code false}: the reference keeps the final classifier in FP32
 *   <li>{@code bits} = {@code 2}: LSQ, DoReFa and power-of-two code width, 1..8
 *   <li>{@code twn-variant} = {@code paper}: TWN's Δ = 0.7·mean|W| per layer; {@code repo} = 0.75 per output channel
 *   <li>{@code ttq-threshold} = {@code 0.05}: TTQ's t in Δ = t·max|w̃|
 *   <li>{@code bitnet-rmsnorm} = {@code false}: BitNet's extra parameter-free RMSNorm before each quantized layer
 *   <li>{@code bitnet-warmup} = {@code 0.0}: share of training over which λ ramps from FP (0) to ternary (1); 0 = ternary from the start
 *   <li>{@code bitnet-layerwise} = {@code false}: the λ warm-up goes layer by layer, from the input to the output, instead of
 *       all layers at once
 *   <li>{@code tequila-lambda} = {@code 1e-3}: Tequila's dead-zone bias factor λ
 *   <li>{@code tequila-group} = {@code 128}: Tequila's group size G (consecutive inputs of one output)
 *   <li>{@code anneal-sigma} = {@code 0.05}: ring-anneal's final σ (slot units), reached geometrically at the end
 *   <li>{@code pow2-slope} = {@code 100}: power-of-two's final relaxation slope k (geometric ramp from 1)
 *   <li>{@code optimizer} = {@code adam}
 *   <li>{@code lr} = {@code 1e-3}
 *   <li>{@code momentum} = {@code 0.9}
 *   <li>{@code nesterov} = {@code false}
 *   <li>{@code weight-decay} = {@code 0.0}
 *   <li>{@code weight-decay-positions} = {@code true}: the reference decays ring positions too
 *   <li>{@code adam-beta1} = {@code 0.9}
 *   <li>{@code adam-beta2} = {@code 0.999}
 *   <li>{@code adam-eps} = {@code 1e-8}
 *   <li>{@code epochs} = {@code 3}
 *   <li>{@code batch-size} = {@code 128}
 *   <li>{@code test-batch-size} = {@code 1000}
 *   <li>{@code schedule} = {@code constant}
 *   <li>{@code warmup-epochs} = {@code 0.0}: linear warmup from 0, composed with the schedule
 *   <li>{@code clip-norm} = {@code 5.0}: global gradient-norm limit; 0 = off
 *   <li>{@code position-bound} = {@code clamp}
 *   <li>{@code seed} = {@code 42}
 *   <li>{@code augment} = {@code null}: the data set default (on for CIFAR-10, off for MNIST)
 *   <li>{@code snapshot-every} = {@code 50}: training steps between position snapshots
 *   <li>{@code snapshot-sub-bins} = {@code 8}: histogram bins per ring slot in a snapshot
 *   <li>{@code checkpoint-every} = {@code 1}: epochs between resumable checkpoints (the last epoch always gets one)
 *   <li>{@code bn-recal-batches} = {@code 50}: batches re-estimating BatchNorm stats for snapped eval
 *   <li>{@code limit-train} = {@code 0}: 0 = all; otherwise a class-balanced subset
 *   <li>{@code limit-test} = {@code 0}: 0 = all; otherwise a class-balanced subset
 *   <li>{@code threads} = {@code 0}: 0 = the engine's default
 *   <li>{@code device} = {@code auto}
 *   <li>{@code out} = {@code null}: the run directory; null lets the CLI choose
 *   <li>{@code name} = {@code null}: a label for the run; may be null
 * </ul>
 */
public record RunConfig(
        String data,
        ModelKind model,
        Method method,
        RingType ringType,
        int ringSize,
        RingMode ringMode,
        Double sigma,
        boolean batchNorm,
        Boolean ringBias,
        boolean quantizeFirst,
        boolean quantizeLast,
        int bits,
        TwnVariant twnVariant,
        double ttqThreshold,
        boolean bitnetRmsnorm,
        double bitnetWarmup,
        boolean bitnetLayerwise,
        double tequilaLambda,
        int tequilaGroup,
        double annealSigma,
        double pow2Slope,
        OptimizerKind optimizer,
        double lr,
        double momentum,
        boolean nesterov,
        double weightDecay,
        boolean weightDecayPositions,
        double adamBeta1,
        double adamBeta2,
        double adamEps,
        int epochs,
        int batchSize,
        int testBatchSize,
        ScheduleSpec schedule,
        double warmupEpochs,
        double clipNorm,
        PositionBound positionBound,
        long seed,
        Boolean augment,
        int snapshotEvery,
        int snapshotSubBins,
        int checkpointEvery,
        int bnRecalBatches,
        int limitTrain,
        int limitTest,
        int threads,
        DeviceKind device,
        String out,
        String name) {

    public RunConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(ringType, "ring-type");
        Objects.requireNonNull(ringMode, "ring-mode");
        Objects.requireNonNull(twnVariant, "twn-variant");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(positionBound, "position-bound");
        Objects.requireNonNull(device, "device");
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration a run gets when nothing is specified. */
    public static RunConfig defaults() {
        return builder().build();
    }

    /** A builder preset to this configuration, for copy-with-changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.data = data;
        b.model = model;
        b.method = method;
        b.ringType = ringType;
        b.ringSize = ringSize;
        b.ringMode = ringMode;
        b.sigma = sigma;
        b.batchNorm = batchNorm;
        b.ringBias = ringBias;
        b.quantizeFirst = quantizeFirst;
        b.quantizeLast = quantizeLast;
        b.bits = bits;
        b.twnVariant = twnVariant;
        b.ttqThreshold = ttqThreshold;
        b.bitnetRmsnorm = bitnetRmsnorm;
        b.bitnetWarmup = bitnetWarmup;
        b.bitnetLayerwise = bitnetLayerwise;
        b.tequilaLambda = tequilaLambda;
        b.tequilaGroup = tequilaGroup;
        b.annealSigma = annealSigma;
        b.pow2Slope = pow2Slope;
        b.optimizer = optimizer;
        b.lr = lr;
        b.momentum = momentum;
        b.nesterov = nesterov;
        b.weightDecay = weightDecay;
        b.weightDecayPositions = weightDecayPositions;
        b.adamBeta1 = adamBeta1;
        b.adamBeta2 = adamBeta2;
        b.adamEps = adamEps;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.testBatchSize = testBatchSize;
        b.schedule = schedule;
        b.warmupEpochs = warmupEpochs;
        b.clipNorm = clipNorm;
        b.positionBound = positionBound;
        b.seed = seed;
        b.augment = augment;
        b.snapshotEvery = snapshotEvery;
        b.snapshotSubBins = snapshotSubBins;
        b.checkpointEvery = checkpointEvery;
        b.bnRecalBatches = bnRecalBatches;
        b.limitTrain = limitTrain;
        b.limitTest = limitTest;
        b.threads = threads;
        b.device = device;
        b.out = out;
        b.name = name;
        return b;
    }

    /** Whether any layer is quantized (every method but the FP32 baseline). */
    public boolean quantized() {
        return method.quantized();
    }

    /** The method as a table or a list shows it; see {@link RunNames#methodLabel}. */
    public String methodLabel() {
        return RunNames.methodLabel(this);
    }

    /** The user's name, or "model method seed N" when none was given; see {@link RunNames#displayName}. */
    public String displayName() {
        return RunNames.displayName(this);
    }

    /** Whether this run quantizes onto a ring (the reference or a repaired ring variant). */
    public boolean usesRing() {
        return method.usesRing();
    }

    /** {@code sigma}, or the spec default max(0.5, ring-size / 32) when unset. */
    public double effectiveSigma() {
        return sigma != null ? sigma : Math.max(0.5, ringSize / 32.0);
    }

    /** {@code ring-bias}, or the model's default when unset (see {@link ModelKind#ringBiasByDefault()}). */
    public boolean effectiveRingBias() {
        return ringBias != null ? ringBias : model.ringBiasByDefault();
    }

    /**
     * Every rule this configuration breaks, one line each naming the key, the value and the rule.
     *
     * @param probe describes the data folder; null skips the data checks
     */
    public List<String> validate(DataProbe probe) {
        return ConfigValidator.validate(this, probe);
    }

    /**
     * Returns this configuration if it is valid.
     *
     * @param probe describes the data folder; null skips the data checks
     * @throws InvalidConfigException listing every violation
     */
    public RunConfig validateOrThrow(DataProbe probe) {
        List<String> violations = validate(probe);
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
        return this;
    }

    /** Collects settings; {@link #build()} makes the immutable {@link RunConfig}. */
    public static final class Builder {

        private String data = "sample-data";
        private ModelKind model = ModelKind.LENET;
        private Method method = Method.RING;
        private RingType ringType = RingType.TRIANGLE;
        private int ringSize = 8;
        private RingMode ringMode = RingMode.REFERENCE;
        private Double sigma = null;
        private boolean batchNorm = true;
        private Boolean ringBias = null;
        private boolean quantizeFirst = true;
        private boolean quantizeLast = false;
        private int bits = 2;
        private TwnVariant twnVariant = TwnVariant.PAPER;
        private double ttqThreshold = 0.05;
        private boolean bitnetRmsnorm = false;
        private double bitnetWarmup = 0.0;
        private boolean bitnetLayerwise = false;
        private double tequilaLambda = 1e-3;
        private int tequilaGroup = 128;
        private double annealSigma = 0.05;
        private double pow2Slope = 100.0;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private double lr = 1e-3;
        private double momentum = 0.9;
        private boolean nesterov = false;
        private double weightDecay = 0.0;
        private boolean weightDecayPositions = true;
        private double adamBeta1 = 0.9;
        private double adamBeta2 = 0.999;
        private double adamEps = 1e-8;
        private int epochs = 3;
        private int batchSize = 128;
        private int testBatchSize = 1000;
        private ScheduleSpec schedule = ScheduleSpec.CONSTANT;
        private double warmupEpochs = 0.0;
        private double clipNorm = 5.0;
        private PositionBound positionBound = PositionBound.CLAMP;
        private long seed = 42;
        private Boolean augment = null;
        private int snapshotEvery = 50;
        private int snapshotSubBins = 8;
        private int checkpointEvery = 1;
        private int bnRecalBatches = 50;
        private int limitTrain = 0;
        private int limitTest = 0;
        private int threads = 0;
        private DeviceKind device = DeviceKind.AUTO;
        private String out = null;
        private String name = null;

        private Builder() {
        }

        public Builder data(String data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        public Builder model(ModelKind model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        public Builder method(Method method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        public Builder ringType(RingType ringType) {
            this.ringType = Objects.requireNonNull(ringType, "ring-type");
            return this;
        }

        public Builder ringSize(int ringSize) {
            this.ringSize = ringSize;
            return this;
        }

        public Builder ringMode(RingMode ringMode) {
            this.ringMode = Objects.requireNonNull(ringMode, "ring-mode");
            return this;
        }

        public Builder sigma(Double sigma) {
            this.sigma = sigma;
            return this;
        }

        public Builder batchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        public Builder ringBias(Boolean ringBias) {
            this.ringBias = ringBias;
            return this;
        }

        public Builder quantizeFirst(boolean quantizeFirst) {
            this.quantizeFirst = quantizeFirst;
            return this;
        }

        public Builder quantizeLast(boolean quantizeLast) {
            this.quantizeLast = quantizeLast;
            return this;
        }

        public Builder bits(int bits) {
            this.bits = bits;
            return this;
        }

        public Builder twnVariant(TwnVariant twnVariant) {
            this.twnVariant = Objects.requireNonNull(twnVariant, "twn-variant");
            return this;
        }

        public Builder ttqThreshold(double ttqThreshold) {
            this.ttqThreshold = ttqThreshold;
            return this;
        }

        public Builder bitnetRmsnorm(boolean bitnetRmsnorm) {
            this.bitnetRmsnorm = bitnetRmsnorm;
            return this;
        }

        public Builder bitnetWarmup(double bitnetWarmup) {
            this.bitnetWarmup = bitnetWarmup;
            return this;
        }

        public Builder bitnetLayerwise(boolean bitnetLayerwise) {
            this.bitnetLayerwise = bitnetLayerwise;
            return this;
        }

        public Builder tequilaLambda(double tequilaLambda) {
            this.tequilaLambda = tequilaLambda;
            return this;
        }

        public Builder tequilaGroup(int tequilaGroup) {
            this.tequilaGroup = tequilaGroup;
            return this;
        }

        public Builder annealSigma(double annealSigma) {
            this.annealSigma = annealSigma;
            return this;
        }

        public Builder pow2Slope(double pow2Slope) {
            this.pow2Slope = pow2Slope;
            return this;
        }

        public Builder optimizer(OptimizerKind optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Builder weightDecayPositions(boolean weightDecayPositions) {
            this.weightDecayPositions = weightDecayPositions;
            return this;
        }

        public Builder adamBeta1(double adamBeta1) {
            this.adamBeta1 = adamBeta1;
            return this;
        }

        public Builder adamBeta2(double adamBeta2) {
            this.adamBeta2 = adamBeta2;
            return this;
        }

        public Builder adamEps(double adamEps) {
            this.adamEps = adamEps;
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder testBatchSize(int testBatchSize) {
            this.testBatchSize = testBatchSize;
            return this;
        }

        public Builder schedule(ScheduleSpec schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        public Builder warmupEpochs(double warmupEpochs) {
            this.warmupEpochs = warmupEpochs;
            return this;
        }

        public Builder clipNorm(double clipNorm) {
            this.clipNorm = clipNorm;
            return this;
        }

        public Builder positionBound(PositionBound positionBound) {
            this.positionBound = Objects.requireNonNull(positionBound, "position-bound");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder augment(Boolean augment) {
            this.augment = augment;
            return this;
        }

        public Builder snapshotEvery(int snapshotEvery) {
            this.snapshotEvery = snapshotEvery;
            return this;
        }

        public Builder snapshotSubBins(int snapshotSubBins) {
            this.snapshotSubBins = snapshotSubBins;
            return this;
        }

        public Builder checkpointEvery(int checkpointEvery) {
            this.checkpointEvery = checkpointEvery;
            return this;
        }

        public Builder bnRecalBatches(int bnRecalBatches) {
            this.bnRecalBatches = bnRecalBatches;
            return this;
        }

        public Builder limitTrain(int limitTrain) {
            this.limitTrain = limitTrain;
            return this;
        }

        public Builder limitTest(int limitTest) {
            this.limitTest = limitTest;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder device(DeviceKind device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        public Builder out(String out) {
            this.out = out;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public RunConfig build() {
            return new RunConfig(
                    data, model, method, ringType, ringSize, ringMode, sigma, batchNorm, ringBias,
                    quantizeFirst, quantizeLast, bits, twnVariant, ttqThreshold, bitnetRmsnorm, bitnetWarmup,
                    bitnetLayerwise, tequilaLambda, tequilaGroup, annealSigma, pow2Slope, optimizer, lr, momentum, nesterov,
                    weightDecay,
                    weightDecayPositions, adamBeta1, adamBeta2, adamEps, epochs, batchSize,
                    testBatchSize, schedule, warmupEpochs, clipNorm, positionBound, seed, augment,
                    snapshotEvery, snapshotSubBins, checkpointEvery, bnRecalBatches, limitTrain, limitTest, threads,
                    device, out, name);
        }
    }
}
