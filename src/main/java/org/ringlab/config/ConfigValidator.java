package org.ringlab.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link RunConfig} against every rule and reports all violations, so a user fixes a
 * config in one pass. Each violation reads {@code "<key> <value>: <rule>"}.
 */
public final class ConfigValidator {

    static final int MIN_RING_SIZE = 2;
    static final int MAX_RING_SIZE = 64;
    static final int MAX_BATCH_SIZE = 65536;
    static final int MAX_SNAPSHOT_SUB_BINS = 64;

    private final RunConfig config;
    private final List<String> violations = new ArrayList<>();

    private ConfigValidator(RunConfig config) {
        this.config = config;
    }

    /**
     * @param probe describes the data folder; null skips the data checks (e.g. while editing a
     *     config before a data folder is chosen)
     * @return one line per broken rule, grouped by topic; empty when the configuration is valid
     */
    public static List<String> validate(RunConfig config, DataProbe probe) {
        ConfigValidator validator = new ConfigValidator(config);
        validator.checkModel();
        validator.checkRing();
        validator.checkMethodOptions();
        validator.checkOptimizer();
        validator.checkEpochsAndBatches();
        validator.checkSchedule();
        validator.checkBookkeeping();
        if (probe != null) {
            DataDescription data = validator.checkData(probe);
            // memory is estimated only for an otherwise valid configuration: a broken one would
            // just repeat its own problem as a size
            probe.machineLimits(config, validator.violations.isEmpty() ? data : null)
                    .forEach(validator::violation);
        }
        return List.copyOf(validator.violations);
    }

    private void checkModel() {
        if (!config.batchNorm() && config.model().alwaysUsesBatchNorm()) {
            violation("batch-norm", "false", "ResNets always use BatchNorm");
        }
    }

    private void checkRing() {
        // A baseline run ignores the ring, so its size is irrelevant there.
        if (config.usesRing()
                && (config.ringSize() < MIN_RING_SIZE || config.ringSize() > MAX_RING_SIZE)) {
            violation("ring-size", config.ringSize(),
                    "a ring needs " + MIN_RING_SIZE + ".." + MAX_RING_SIZE + " slots");
        }
        Double sigma = config.sigma();
        if (sigma != null) {
            positiveFinite("sigma", sigma);
        }
    }

    static final int MIN_BITS = 1;
    static final int MAX_BITS = 8;
    static final int MAX_POW2_BITS = 6;

    /**
     * A method's own keys are checked only when the method uses them; the other methods ignore them
     * (as a baseline ignores ring-size), so one config file can be re-run under every method.
     */
    private void checkMethodOptions() {
        Method method = config.method();
        int maxBits = method == Method.POW2 ? MAX_POW2_BITS : MAX_BITS;
        if (method.usesBits() && (config.bits() < MIN_BITS || config.bits() > maxBits)) {
            violation("bits", config.bits(), method.key() + " needs " + MIN_BITS + ".." + maxBits + " bits"
                    + (method == Method.POW2 ? " (an exponent below 2^-31 would underflow float32 scales)" : ""));
        }
        if (method == Method.TTQ && !(config.ttqThreshold() > 0 && config.ttqThreshold() < 1)) {
            violation("ttq-threshold", config.ttqThreshold(), "must be in (0, 1)");
        }
        if (method == Method.BITNET && !(config.bitnetWarmup() >= 0 && config.bitnetWarmup() <= 1)) {
            violation("bitnet-warmup", config.bitnetWarmup(), "must be in [0, 1] (a share of the training steps)");
        }
        if (method == Method.BITNET && config.bitnetLayerwise() && !(config.bitnetWarmup() > 0)) {
            violation("bitnet-layerwise", true, "needs a λ warm-up to stagger: set bitnet-warmup > 0");
        }
        if (method == Method.TEQUILA) {
            nonNegativeFinite("tequila-lambda", config.tequilaLambda());
            if (config.tequilaGroup() < 1) {
                violation("tequila-group", config.tequilaGroup(), "must be >= 1");
            }
        }
        if (method == Method.RING_ANNEAL) {
            double start = config.effectiveSigma();
            if (!(config.annealSigma() > 0 && config.annealSigma() < start)) {
                violation("anneal-sigma", config.annealSigma(),
                        "must be in (0, sigma) to anneal (sigma = " + NumberText.format(start) + ")");
            }
        }
        if (method == Method.POW2 && !(config.pow2Slope() >= 1 && Double.isFinite(config.pow2Slope()))) {
            violation("pow2-slope", config.pow2Slope(), "must be a finite number >= 1 (1 = identity)");
        }
    }

    private void checkOptimizer() {
        positiveFinite("lr", config.lr());
        if (!(config.momentum() >= 0 && config.momentum() < 1)) {
            violation("momentum", config.momentum(), "must be in [0, 1)");
        }
        if (config.nesterov() && !(config.momentum() > 0)) {
            violation("nesterov", "true",
                    "requires momentum > 0 (momentum = " + NumberText.format(config.momentum()) + ")");
        }
        nonNegativeFinite("weight-decay", config.weightDecay());
        if (!(config.adamBeta1() >= 0 && config.adamBeta1() < 1)) {
            violation("adam-beta1", config.adamBeta1(), "must be in [0, 1)");
        }
        if (!(config.adamBeta2() >= 0 && config.adamBeta2() < 1)) {
            violation("adam-beta2", config.adamBeta2(), "must be in [0, 1)");
        }
        positiveFinite("adam-eps", config.adamEps());
        nonNegativeFinite("clip-norm", config.clipNorm());
    }

    private void checkEpochsAndBatches() {
        if (config.epochs() < 1) {
            violation("epochs", config.epochs(), "must be >= 1");
        }
        batchSize("batch-size", config.batchSize());
        batchSize("test-batch-size", config.testBatchSize());
    }

    private void batchSize(String key, int size) {
        if (size < 1 || size > MAX_BATCH_SIZE) {
            violation(key, size, "must be 1.." + MAX_BATCH_SIZE);
        }
    }

    private void checkSchedule() {
        ScheduleSpec schedule = config.schedule();
        int epochs = config.epochs();
        if (schedule.kind() == ScheduleSpec.Kind.MULTISTEP) {
            int[] milestones = schedule.milestones();
            if (milestones.length == 0) {
                violation("schedule", schedule, "multistep needs at least one milestone");
            }
            for (int i = 0; i < milestones.length; i++) {
                int milestone = milestones[i];
                if (milestone < 1) {
                    // a milestone at epoch 0 would just be a lower lr from the start
                    violation("schedule", schedule, "milestone " + milestone + " must be >= 1");
                } else if (epochs >= 1 && milestone > epochs - 1) {
                    violation("schedule", schedule, "milestone " + milestone
                            + " is past the last epoch (epochs = " + epochs + ")");
                }
                if (i > 0 && milestone <= milestones[i - 1]) {
                    violation("schedule", schedule, "milestones must increase");
                }
            }
            if (!(schedule.gamma() > 0) || Double.isInfinite(schedule.gamma())) {
                violation("schedule", schedule, "gamma must be a finite number > 0");
            }
        }
        double warmup = config.warmupEpochs();
        if (epochs < 1) {
            // epochs is already reported; comparing against it would only add noise
            nonNegativeFinite("warmup-epochs", warmup);
        } else if (!(warmup >= 0 && warmup < epochs)) {
            violation("warmup-epochs", warmup, "must be in [0, epochs) (epochs = " + epochs + ")");
        }
    }

    private void checkBookkeeping() {
        if (config.snapshotEvery() < 1) {
            violation("snapshot-every", config.snapshotEvery(), "must be >= 1");
        }
        if (config.snapshotSubBins() < 1 || config.snapshotSubBins() > MAX_SNAPSHOT_SUB_BINS) {
            violation("snapshot-sub-bins", config.snapshotSubBins(),
                    "must be 1.." + MAX_SNAPSHOT_SUB_BINS);
        }
        if (config.checkpointEvery() < 1) {
            violation("checkpoint-every", config.checkpointEvery(), "must be >= 1");
        }
        nonNegative("bn-recal-batches", config.bnRecalBatches());
        nonNegative("limit-train", config.limitTrain());
        nonNegative("limit-test", config.limitTest());
        nonNegative("threads", config.threads());
    }

    /** @return the folder's description when it could be read and suits the model, else null */
    private DataDescription checkData(DataProbe probe) {
        String data = config.data();
        Path dir;
        try {
            dir = Path.of(data);
        } catch (InvalidPathException e) {
            violation("data", data, "not a valid path (" + e.getReason() + ")");
            return null;
        }
        if (!Files.exists(dir)) {
            violation("data", data, "folder does not exist");
            return null;
        }
        if (!Files.isDirectory(dir)) {
            violation("data", data, "is a file; expected a folder");
            return null;
        }
        DataDescription description;
        try {
            description = probe.describe(dir);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // the probe's message names the file and what is wrong with it
            violation("data", data, messageOf(e));
            return null;
        }
        ModelKind model = config.model();
        int min = model.minInputSize();
        boolean fits = true;
        if (description.height() < min || description.width() < min) {
            violation("data", data + " (" + description.shape() + ")",
                    model.key() + " needs images of at least " + min + "×" + min);
            fits = false;
        }
        if (config.limitTrain() > description.trainCount()) {
            violation("limit-train", config.limitTrain(), "more than the "
                    + description.trainCount() + " training images in " + data);
        }
        if (config.limitTest() > description.testCount()) {
            violation("limit-test", config.limitTest(), "more than the "
                    + description.testCount() + " test images in " + data);
        }
        return fits ? description : null;
    }

    private static String messageOf(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private void positiveFinite(String key, double value) {
        if (!Double.isFinite(value)) {
            violation(key, value, "must be finite");
        } else if (!(value > 0)) {
            violation(key, value, "must be > 0");
        }
    }

    private void nonNegativeFinite(String key, double value) {
        if (!Double.isFinite(value)) {
            violation(key, value, "must be finite");
        } else if (!(value >= 0)) {
            violation(key, value, "must be >= 0");
        }
    }

    private void nonNegative(String key, int value) {
        if (value < 0) {
            violation(key, value, "must be >= 0");
        }
    }

    private void violation(String key, double value, String rule) {
        violation(key, NumberText.format(value), rule);
    }

    private void violation(String key, long value, String rule) {
        violation(key, Long.toString(value), rule);
    }

    /** A line already in the "key value: rule" form. */
    private void violation(String line) {
        if (!violations.contains(line)) {
            violations.add(line);
        }
    }

    private void violation(String key, Object value, String rule) {
        String line = key + " " + value + ": " + rule;
        // e.g. two decreasing milestone pairs break one rule, not two
        if (!violations.contains(line)) {
            violations.add(line);
        }
    }
}
