package org.ringlab.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a {@link RunConfig} against every rule and reports all violations, so a user fixes a
 * config in one pass. Each violation reads {@code "<key> <value>: <rule>"}.
 *
 * <p>A setting's own range comes from its declaration in {@link Settings} and is checked only when
 * the chosen method uses the setting (other methods ignore it, as a baseline ignores ring-size, so
 * one config file can be re-run under every method). The rules that relate settings to each other
 * are written out here.
 */
public final class ConfigValidator {

    static final int MIN_RING_SIZE = 2;
    static final int MAX_RING_SIZE = 64;
    static final int MAX_BATCH_SIZE = 65536;
    static final int MAX_SNAPSHOT_SUB_BINS = 64;

    /** The order violations are listed in: by group in this order, then by setting. */
    private static final List<Setting.Group> ORDER = List.of(Setting.Group.MODEL, Setting.Group.RING,
            Setting.Group.METHOD, Setting.Group.OPTIMIZER, Setting.Group.SCHEDULE, Setting.Group.BOOKKEEPING,
            Setting.Group.DATA, Setting.Group.MACHINE, Setting.Group.RUN);

    private final RunConfig config;
    private final List<Violation> violations = new ArrayList<>();

    private ConfigValidator(RunConfig config) {
        this.config = config;
    }

    /**
     * @param probe describes the data folder; null skips the data checks (e.g. while editing a
     *     config before a data folder is chosen)
     * @return one line per broken rule, grouped by topic; empty when the configuration is valid
     */
    public static List<String> validate(RunConfig config, DataProbe probe) {
        return violations(config, probe).stream().map(Violation::toString).toList();
    }

    /** As {@link #validate}, with each violation's key, value and rule apart. */
    public static List<Violation> violations(RunConfig config, DataProbe probe) {
        ConfigValidator validator = new ConfigValidator(config);
        validator.checkRanges();
        validator.checkModel();
        validator.checkMethodOptions();
        validator.checkActivations();
        validator.checkOptimizer();
        validator.checkSchedule();
        validator.violations.sort(Comparator.comparingInt(ConfigValidator::rank));
        if (probe != null) {
            DataDescription data = validator.checkData(probe);
            // memory is estimated only for an otherwise valid configuration: a broken one would
            // just repeat its own problem as a size
            probe.machineLimits(config, validator.violations.isEmpty() ? data : null)
                    .forEach(line -> validator.add(Violation.fromLine(line)));
        }
        return List.copyOf(validator.violations);
    }

    /** Group order, then declaration order; the sort is stable, so one key's violations keep theirs. */
    private static int rank(Violation v) {
        Setting<?> setting = Settings.byKey(v.key());
        if (setting == null) {
            return Integer.MAX_VALUE;
        }
        return ORDER.indexOf(setting.group()) * 1000 + Settings.all().indexOf(setting);
    }

    /** Every declared range, for the settings the chosen method uses. */
    private void checkRanges() {
        for (Setting<?> setting : Settings.all()) {
            Range range = setting.range();
            Object value = setting.get(config);
            if (range == null || value == null || !setting.usedBy(config.method())) {
                continue;
            }
            double number = ((Number) value).doubleValue();
            String rule = range.check(number);
            if (rule != null) {
                violation(setting.key(), setting.format(value), rule);
            }
        }
    }

    private void checkModel() {
        if (!config.batchNorm() && config.model().alwaysUsesBatchNorm()) {
            violation("batch-norm", "false", "ResNets always use BatchNorm");
        }
        if (config.initFrom() != null && config.initFrom().isBlank()) {
            violation("init-from", "\"" + config.initFrom() + "\"",
                    "must name an FP32 run (its folder or workspace id) or a state dict file");
        }
    }

    private void checkMethodOptions() {
        Method method = config.method();
        List<Integer> widths = method.bitWidths();
        if (method.usesBits() && !widths.contains(config.bits())) {
            violation("bits", config.bits(), method.key() + " needs " + widths.get(0) + ".."
                    + widths.get(widths.size() - 1) + " bits"
                    + (method == Method.POW2 ? " (an exponent below 2^-31 would underflow float32 scales)" : ""));
        }
        if (method == Method.BITNET && config.bitnetLayerwise() && !(config.bitnetWarmup() > 0)) {
            violation("bitnet-layerwise", "true", "needs a λ warm-up to stagger: set bitnet-warmup > 0");
        }
        if (method == Method.RING_ANNEAL) {
            double start = config.effectiveSigma();
            if (!(config.annealSigma() > 0 && config.annealSigma() < start)) {
                violation("anneal-sigma", config.annealSigma(),
                        "must be in (0, sigma) to anneal (sigma = " + NumberText.format(start) + ")");
            }
        }
    }

    /** The activation settings against the method, the model and each other (docs/methods/activations.md). */
    private void checkActivations() {
        Integer bits = config.actBits();
        ActQuantizer q = config.actQuantizer();
        if (bits == null) {
            if (config.method().quantized()) {
                orphan("act-first-bits", config.actFirstBits());
                orphan("act-last-bits", config.actLastBits());
            }
            return;
        }
        if (!config.method().quantized()) {
            violation("act-bits", bits, "fp32 quantizes no layer, so no layer input gets an activation quantizer: "
                    + "choose a quantized method or leave act-bits empty");
            return;
        }
        if (!q.allowsBits(bits)) {
            violation("act-bits", bits, q.key() + " defines " + q.bitsText() + " bits");
        }
        Integer first = config.actFirstBits();
        if (first != null) {
            if (!config.quantizeFirst()) {
                violation("act-first-bits", first, "the first layer is not quantized (quantize-first false), so its "
                        + "input gets no quantizer: leave act-first-bits empty");
            } else if (!q.signed()) {
                violation("act-first-bits", first, q.key() + " has no negative levels and the first layer's input "
                        + "(the normalised image) is signed: leave act-first-bits empty (float, as DoReFa and PACT do)");
            } else if (!q.allowsBits(first) || (q == ActQuantizer.LSQ && first < 2)) {
                violation("act-first-bits", first, q.key() + " defines " + (q == ActQuantizer.LSQ ? "2..8"
                        : q.bitsText()) + " bits for a signed input");
            }
        }
        Integer last = config.actLastBits();
        if (last != null) {
            if (!config.quantizeLast()) {
                violation("act-last-bits", last, "the classifier is not quantized (quantize-last false), so its input "
                        + "gets no quantizer: set quantize-last or leave act-last-bits empty");
            } else if (!q.allowsBits(last)) {
                violation("act-last-bits", last, q.key() + " defines " + q.bitsText() + " bits");
            }
        }
        // the MLP has no hidden quantized layer: only its first layer (the image) and its classifier
        if (config.model() == ModelKind.MLP && !(config.quantizeFirst() && first != null)
                && !(config.quantizeLast() && last != null)) {
            violation("act-bits", bits, "no input would be quantized: the mlp's first layer reads the image "
                    + "(act-first-bits empty) and its classifier is " + (config.quantizeLast()
                            ? "quantized but act-last-bits is empty" : "float (quantize-last false)"));
        }
    }

    private void orphan(String key, Integer value) {
        if (value != null) {
            violation(key, value, "needs act-bits (activations are float): set act-bits or leave " + key + " empty");
        }
    }

    private void checkOptimizer() {
        if (config.nesterov() && !(config.momentum() > 0)) {
            violation("nesterov", "true",
                    "requires momentum > 0 (momentum = " + NumberText.format(config.momentum()) + ")");
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
            String rule = Range.nonNegative().check(warmup);
            if (rule != null) {
                violation("warmup-epochs", warmup, rule);
            }
        } else if (!(warmup >= 0 && warmup < epochs)) {
            violation("warmup-epochs", warmup, "must be in [0, epochs) (epochs = " + epochs + ")");
        }
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
            description = probe.describe(dir, config.imageSize());
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

    private void violation(String key, double value, String rule) {
        violation(key, NumberText.format(value), rule);
    }

    private void violation(String key, long value, String rule) {
        violation(key, Long.toString(value), rule);
    }

    private void violation(String key, Object value, String rule) {
        add(new Violation(key, String.valueOf(value), rule));
    }

    private void add(Violation v) {
        // e.g. two decreasing milestone pairs break one rule, not two
        if (!violations.contains(v)) {
            violations.add(v);
        }
    }
}
