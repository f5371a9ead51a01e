package org.ringlab.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/**
 * Everything a training run is told: the contract between the CLI flags, a JSON config file (same
 * kebab-case keys, see {@link RunConfigJson}), the trainer and the UI. Immutable; change a copy
 * with {@code config.toBuilder().lr(0.01).build()}.
 *
 * <p>Construction only rejects nulls where a value is required; whether the values make sense
 * together is {@link #validate(DataProbe)}'s job, so that every problem is reported at once.
 *
 * <p>Each component is declared once in {@link Settings} (key, default, range, help, ...), in this
 * order, which is also config.json's key order.
 */
public record RunConfig(
        String data,
        int imageSize,
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
        String initFrom,
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
        int slqStages,
        int mlqGroups,
        AdmmSet admmSet,
        double admmRho,
        double admmEvery,
        double stqEta,
        double hlaGamma,
        double hlaStage1,
        Integer actBits,
        ActQuantizer actQuantizer,
        Integer actFirstBits,
        Integer actLastBits,
        double actPactAlpha,
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
        Objects.requireNonNull(actQuantizer, "act-quantizer");
        Objects.requireNonNull(admmSet, "admm-set");
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
        for (Setting<?> setting : Settings.all()) {
            b.values.put(setting, setting.get(this));
        }
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

    /** Whether the quantized layers' inputs are quantized ({@code act-bits} set on a quantized method). */
    public boolean quantizesActivations() {
        return actBits != null && method.quantized();
    }

    /** {@code sigma}, or the reference default max(0.5, ring-size / 32) when unset (docs/methods/ring.md#sigma). */
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
     * Every rule this configuration breaks, as structured violations (key, value, rule).
     *
     * @param probe describes the data folder; null skips the data checks
     */
    public List<Violation> violations(DataProbe probe) {
        return ConfigValidator.violations(this, probe);
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

        private static final Constructor<RunConfig> CANONICAL = canonicalConstructor();

        /** Every setting's value, the registry's defaults until set. */
        private final IdentityHashMap<Setting<?>, Object> values = new IdentityHashMap<>();

        private Builder() {
            for (Setting<?> setting : Settings.all()) {
                values.put(setting, setting.defaultValue());
            }
        }

        /** Sets any setting by its declaration; null only where the setting is nullable. */
        public <T> Builder set(Setting<T> setting, T value) {
            if (value == null && !setting.isNullable()) {
                throw new NullPointerException(setting.key());
            }
            values.put(setting, value);
            return this;
        }

        /** The value set so far (the default if none). */
        public <T> T get(Setting<T> setting) {
            return setting.type().cast(values.get(setting));
        }

        public Builder data(String data) {
            return set(Settings.DATA_DIR, data);
        }

        public Builder imageSize(int imageSize) {
            return set(Settings.IMAGE_SIZE, imageSize);
        }

        public Builder model(ModelKind model) {
            return set(Settings.MODEL_KIND, model);
        }

        public Builder method(Method method) {
            return set(Settings.METHOD_KIND, method);
        }

        public Builder ringType(RingType ringType) {
            return set(Settings.RING_TYPE, ringType);
        }

        public Builder ringSize(int ringSize) {
            return set(Settings.RING_SIZE, ringSize);
        }

        public Builder ringMode(RingMode ringMode) {
            return set(Settings.RING_MODE, ringMode);
        }

        public Builder sigma(Double sigma) {
            return set(Settings.SIGMA, sigma);
        }

        public Builder batchNorm(boolean batchNorm) {
            return set(Settings.BATCH_NORM, batchNorm);
        }

        public Builder ringBias(Boolean ringBias) {
            return set(Settings.RING_BIAS, ringBias);
        }

        public Builder quantizeFirst(boolean quantizeFirst) {
            return set(Settings.QUANTIZE_FIRST, quantizeFirst);
        }

        public Builder quantizeLast(boolean quantizeLast) {
            return set(Settings.QUANTIZE_LAST, quantizeLast);
        }

        public Builder initFrom(String initFrom) {
            return set(Settings.INIT_FROM, initFrom);
        }

        public Builder bits(int bits) {
            return set(Settings.BITS, bits);
        }

        public Builder twnVariant(TwnVariant twnVariant) {
            return set(Settings.TWN_VARIANT, twnVariant);
        }

        public Builder ttqThreshold(double ttqThreshold) {
            return set(Settings.TTQ_THRESHOLD, ttqThreshold);
        }

        public Builder bitnetRmsnorm(boolean bitnetRmsnorm) {
            return set(Settings.BITNET_RMSNORM, bitnetRmsnorm);
        }

        public Builder bitnetWarmup(double bitnetWarmup) {
            return set(Settings.BITNET_WARMUP, bitnetWarmup);
        }

        public Builder bitnetLayerwise(boolean bitnetLayerwise) {
            return set(Settings.BITNET_LAYERWISE, bitnetLayerwise);
        }

        public Builder tequilaLambda(double tequilaLambda) {
            return set(Settings.TEQUILA_LAMBDA, tequilaLambda);
        }

        public Builder tequilaGroup(int tequilaGroup) {
            return set(Settings.TEQUILA_GROUP, tequilaGroup);
        }

        public Builder annealSigma(double annealSigma) {
            return set(Settings.ANNEAL_SIGMA, annealSigma);
        }

        public Builder pow2Slope(double pow2Slope) {
            return set(Settings.POW2_SLOPE, pow2Slope);
        }

        public Builder slqStages(int slqStages) {
            return set(Settings.SLQ_STAGES, slqStages);
        }

        public Builder mlqGroups(int mlqGroups) {
            return set(Settings.MLQ_GROUPS, mlqGroups);
        }

        public Builder actBits(Integer actBits) {
            return set(Settings.ACT_BITS, actBits);
        }

        public Builder actQuantizer(ActQuantizer actQuantizer) {
            return set(Settings.ACT_QUANTIZER, actQuantizer);
        }

        public Builder actFirstBits(Integer actFirstBits) {
            return set(Settings.ACT_FIRST_BITS, actFirstBits);
        }

        public Builder actLastBits(Integer actLastBits) {
            return set(Settings.ACT_LAST_BITS, actLastBits);
        }

        public Builder actPactAlpha(double actPactAlpha) {
            return set(Settings.ACT_PACT_ALPHA, actPactAlpha);
        }

        public Builder admmSet(AdmmSet admmSet) {
            return set(Settings.ADMM_SET, admmSet);
        }

        public Builder admmRho(double admmRho) {
            return set(Settings.ADMM_RHO, admmRho);
        }

        public Builder admmEvery(double admmEvery) {
            return set(Settings.ADMM_EVERY, admmEvery);
        }

        public Builder stqEta(double stqEta) {
            return set(Settings.STQ_ETA, stqEta);
        }

        public Builder hlaGamma(double hlaGamma) {
            return set(Settings.HLA_GAMMA, hlaGamma);
        }

        public Builder hlaStage1(double hlaStage1) {
            return set(Settings.HLA_STAGE1, hlaStage1);
        }

        public Builder optimizer(OptimizerKind optimizer) {
            return set(Settings.OPTIMIZER_KIND, optimizer);
        }

        public Builder lr(double lr) {
            return set(Settings.LR, lr);
        }

        public Builder momentum(double momentum) {
            return set(Settings.MOMENTUM, momentum);
        }

        public Builder nesterov(boolean nesterov) {
            return set(Settings.NESTEROV, nesterov);
        }

        public Builder weightDecay(double weightDecay) {
            return set(Settings.WEIGHT_DECAY, weightDecay);
        }

        public Builder weightDecayPositions(boolean weightDecayPositions) {
            return set(Settings.WEIGHT_DECAY_POSITIONS, weightDecayPositions);
        }

        public Builder adamBeta1(double adamBeta1) {
            return set(Settings.ADAM_BETA1, adamBeta1);
        }

        public Builder adamBeta2(double adamBeta2) {
            return set(Settings.ADAM_BETA2, adamBeta2);
        }

        public Builder adamEps(double adamEps) {
            return set(Settings.ADAM_EPS, adamEps);
        }

        public Builder epochs(int epochs) {
            return set(Settings.EPOCHS, epochs);
        }

        public Builder batchSize(int batchSize) {
            return set(Settings.BATCH_SIZE, batchSize);
        }

        public Builder testBatchSize(int testBatchSize) {
            return set(Settings.TEST_BATCH_SIZE, testBatchSize);
        }

        public Builder schedule(ScheduleSpec schedule) {
            return set(Settings.SCHEDULE_SPEC, schedule);
        }

        public Builder warmupEpochs(double warmupEpochs) {
            return set(Settings.WARMUP_EPOCHS, warmupEpochs);
        }

        public Builder clipNorm(double clipNorm) {
            return set(Settings.CLIP_NORM, clipNorm);
        }

        public Builder positionBound(PositionBound positionBound) {
            return set(Settings.POSITION_BOUND, positionBound);
        }

        public Builder seed(long seed) {
            return set(Settings.SEED, seed);
        }

        public Builder augment(Boolean augment) {
            return set(Settings.AUGMENT, augment);
        }

        public Builder snapshotEvery(int snapshotEvery) {
            return set(Settings.SNAPSHOT_EVERY, snapshotEvery);
        }

        public Builder snapshotSubBins(int snapshotSubBins) {
            return set(Settings.SNAPSHOT_SUB_BINS, snapshotSubBins);
        }

        public Builder checkpointEvery(int checkpointEvery) {
            return set(Settings.CHECKPOINT_EVERY, checkpointEvery);
        }

        public Builder bnRecalBatches(int bnRecalBatches) {
            return set(Settings.BN_RECAL_BATCHES, bnRecalBatches);
        }

        public Builder limitTrain(int limitTrain) {
            return set(Settings.LIMIT_TRAIN, limitTrain);
        }

        public Builder limitTest(int limitTest) {
            return set(Settings.LIMIT_TEST, limitTest);
        }

        public Builder threads(int threads) {
            return set(Settings.THREADS, threads);
        }

        public Builder device(DeviceKind device) {
            return set(Settings.DEVICE, device);
        }

        public Builder out(String out) {
            return set(Settings.OUT, out);
        }

        public Builder name(String name) {
            return set(Settings.NAME, name);
        }

        public RunConfig build() {
            Object[] args = Settings.all().stream().map(values::get).toArray();
            try {
                return CANONICAL.newInstance(args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r; // a null where a value is required
                }
                throw new IllegalStateException("RunConfig's constructor failed", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("RunConfig's canonical constructor", e);
            }
        }

        /** The record's constructor; its components must be the registry's settings, in order. */
        private static Constructor<RunConfig> canonicalConstructor() {
            RecordComponent[] components = RunConfig.class.getRecordComponents();
            List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
            List<String> declared = Settings.all().stream().map(Setting::fieldName).toList();
            if (!names.equals(declared)) {
                throw new IllegalStateException("RunConfig's components " + names
                        + " differ from the settings declared in Settings " + declared);
            }
            try {
                return RunConfig.class.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("RunConfig has no canonical constructor", e);
            }
        }
    }
}
