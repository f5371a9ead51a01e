package org.ringlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ringlab.config.DataDescription;
import org.ringlab.config.DataProbe;
import org.ringlab.config.DeviceKind;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.OptimizerKind;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.config.ScheduleSpec;
import org.ringlab.config.TwnVariant;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInspection;
import org.ringlab.train.DataSetProbe;
import org.ringlab.train.ModelBuilder;

/**
 * The run-setup panel's state and rules, without any control: text the user typed, the
 * configuration it makes, every problem with it (re-checked on each change) and the ring preview.
 */
public final class SetupModel {
    public final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.RING);
    public final ObjectProperty<RingType> ringType = new SimpleObjectProperty<>(RingType.TRIANGLE);
    public final StringProperty ringSize = new SimpleStringProperty("8");
    public final ObjectProperty<RingMode> ringMode = new SimpleObjectProperty<>(RingMode.REFERENCE);
    public final StringProperty sigma = new SimpleStringProperty("");
    public final ObjectProperty<ModelKind> model = new SimpleObjectProperty<>(ModelKind.LENET);
    public final StringProperty data = new SimpleStringProperty("sample-data");
    public final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(OptimizerKind.ADAM);
    public final StringProperty lr = new SimpleStringProperty("0.001");
    public final StringProperty epochs = new SimpleStringProperty("3");
    public final StringProperty schedule = new SimpleStringProperty("constant");
    public final StringProperty warmupEpochs = new SimpleStringProperty("0");
    public final StringProperty batchSize = new SimpleStringProperty("128");
    public final StringProperty seed = new SimpleStringProperty("42");
    public final ObjectProperty<DeviceKind> device = new SimpleObjectProperty<>(DeviceKind.AUTO);
    public final BooleanProperty batchNorm = new SimpleBooleanProperty(true);
    // the methods' own settings; each is checked only for the method that uses it
    public final StringProperty bits = new SimpleStringProperty("2");
    public final ObjectProperty<TwnVariant> twnVariant = new SimpleObjectProperty<>(TwnVariant.PAPER);
    public final StringProperty ttqThreshold = new SimpleStringProperty("0.05");
    public final BooleanProperty bitnetRmsnorm = new SimpleBooleanProperty(false);
    public final StringProperty bitnetWarmup = new SimpleStringProperty("0");
    public final BooleanProperty bitnetLayerwise = new SimpleBooleanProperty(false);
    public final StringProperty tequilaLambda = new SimpleStringProperty("0.001");
    public final StringProperty tequilaGroup = new SimpleStringProperty("128");
    public final StringProperty annealSigma = new SimpleStringProperty("0.05");
    public final StringProperty pow2Slope = new SimpleStringProperty("100");

    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper ringPreview = new ReadOnlyStringWrapper("");
    private final SimpleBooleanProperty valid = new SimpleBooleanProperty(false);
    private final DataProbe probe;
    private RunConfig base = RunConfig.defaults();
    private RunConfig current;

    public SetupModel() {
        this(new CachingProbe(new DataSetProbe()));
    }

    SetupModel(DataProbe probe) {
        this.probe = probe;
        List<ObservableValue<?>> inputs = List.of(method, ringType, ringSize, ringMode, sigma, model, data, optimizer,
                lr, epochs, schedule, warmupEpochs, batchSize, seed, device, batchNorm, bits, twnVariant, ttqThreshold,
                bitnetRmsnorm, bitnetWarmup, bitnetLayerwise, tequilaLambda, tequilaGroup, annealSigma, pow2Slope);
        for (ObservableValue<?> input : inputs) {
            input.addListener((obs, was, now) -> revalidate());
        }
        revalidate();
    }

    /** Every problem with the current setup, each naming the field and the rule; empty when valid. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    /** What the chosen ring really offers: values, distinct levels and real bits. */
    public ReadOnlyStringProperty ringPreviewProperty() {
        return ringPreview.getReadOnlyProperty();
    }

    /** The configuration, or null while the setup has problems. */
    public RunConfig config() {
        return current;
    }

    /** The problems that concern one field, for the inline marks next to it. */
    public List<String> problemsFor(String key) {
        List<String> out = new ArrayList<>();
        for (String p : problems) {
            if (p.startsWith(key + " ") || p.startsWith(key + ":")) {
                out.add(p);
            }
        }
        return out;
    }

    /** Fills every field from a configuration (keys the panel does not show are kept). */
    public void load(RunConfig config) {
        base = config;
        method.set(config.method());
        ringType.set(config.ringType());
        ringSize.set(Integer.toString(config.ringSize()));
        ringMode.set(config.ringMode());
        sigma.set(config.sigma() == null ? "" : Double.toString(config.sigma()));
        model.set(config.model());
        data.set(config.data());
        optimizer.set(config.optimizer());
        lr.set(Double.toString(config.lr()));
        epochs.set(Integer.toString(config.epochs()));
        schedule.set(config.schedule().toString());
        warmupEpochs.set(Double.toString(config.warmupEpochs()));
        batchSize.set(Integer.toString(config.batchSize()));
        seed.set(Long.toString(config.seed()));
        device.set(config.device());
        batchNorm.set(config.batchNorm());
        bits.set(Integer.toString(config.bits()));
        twnVariant.set(config.twnVariant());
        ttqThreshold.set(Double.toString(config.ttqThreshold()));
        bitnetRmsnorm.set(config.bitnetRmsnorm());
        bitnetWarmup.set(Double.toString(config.bitnetWarmup()));
        bitnetLayerwise.set(config.bitnetLayerwise());
        tequilaLambda.set(Double.toString(config.tequilaLambda()));
        tequilaGroup.set(Integer.toString(config.tequilaGroup()));
        annealSigma.set(Double.toString(config.annealSigma()));
        pow2Slope.set(Double.toString(config.pow2Slope()));
        revalidate();
    }

    /** The configuration as JSON (the same keys as the CLI), for "Copy config". */
    public String toJson() {
        return RunConfigJson.toJson(current != null ? current : base);
    }

    /** Loads JSON from "Paste config"; returns the problem, or null when it was loaded. */
    public String pasteJson(String json) {
        try {
            load(RunConfigJson.fromJson(json));
            return null;
        } catch (InvalidConfigException e) {
            return e.getMessage();
        }
    }

    private void revalidate() {
        List<String> found = new ArrayList<>();
        RunConfig.Builder b = base.toBuilder().method(method.get()).ringType(ringType.get()).ringMode(ringMode.get())
                .model(model.get()).optimizer(optimizer.get()).device(device.get()).batchNorm(batchNorm.get())
                .data(data.get().trim());
        parseInt("ring-size", ringSize.get(), found).ifPresent(b::ringSize);
        if (!sigma.get().isBlank()) {
            parseDouble("sigma", sigma.get(), found).ifPresent(b::sigma);
        } else {
            b.sigma(null);
        }
        parseMethodOptions(b, found);
        parseDouble("lr", lr.get(), found).ifPresent(b::lr);
        parseInt("epochs", epochs.get(), found).ifPresent(b::epochs);
        parseDouble("warmup-epochs", warmupEpochs.get(), found).ifPresent(b::warmupEpochs);
        parseInt("batch-size", batchSize.get(), found).ifPresent(b::batchSize);
        try {
            b.seed(Long.parseLong(seed.get().trim()));
        } catch (NumberFormatException e) {
            found.add("seed '" + seed.get() + "': not a whole number");
        }
        try {
            b.schedule(ScheduleSpec.parse(schedule.get().trim()));
        } catch (IllegalArgumentException e) {
            found.add(e.getMessage());
        }
        RunConfig candidate = null;
        if (found.isEmpty()) {
            candidate = b.build();
            found.addAll(candidate.validate(probe));
        }
        problems.setAll(found);
        current = found.isEmpty() ? candidate : null;
        valid.set(current != null);
        ringPreview.set(preview());
    }

    /** Only the chosen method's fields are parsed: a half-typed value elsewhere is not a problem. */
    private void parseMethodOptions(RunConfig.Builder b, List<String> found) {
        b.twnVariant(twnVariant.get()).bitnetRmsnorm(bitnetRmsnorm.get()).bitnetLayerwise(bitnetLayerwise.get());
        Method m = method.get();
        if (m.usesBits()) {
            parseInt("bits", bits.get(), found).ifPresent(b::bits);
        }
        if (m == Method.TTQ) {
            parseDouble("ttq-threshold", ttqThreshold.get(), found).ifPresent(b::ttqThreshold);
        }
        if (m == Method.BITNET) {
            parseDouble("bitnet-warmup", bitnetWarmup.get(), found).ifPresent(b::bitnetWarmup);
        }
        if (m == Method.TEQUILA) {
            parseDouble("tequila-lambda", tequilaLambda.get(), found).ifPresent(b::tequilaLambda);
            parseInt("tequila-group", tequilaGroup.get(), found).ifPresent(b::tequilaGroup);
        }
        if (m == Method.RING_ANNEAL) {
            parseDouble("anneal-sigma", annealSigma.get(), found).ifPresent(b::annealSigma);
        }
        if (m == Method.POW2) {
            parseDouble("pow2-slope", pow2Slope.get(), found).ifPresent(b::pow2Slope);
        }
    }

    private String preview() {
        if (method.get() == Method.FP32) {
            return "FP32: no quantization; weights stay 32-bit floats.";
        }
        if (!method.get().usesRing()) {
            return methodPreview();
        }
        try {
            int n = Integer.parseInt(ringSize.get().trim());
            Ring ring = Ring.of(org.ringlab.quant.RingType.valueOf(ringType.get().name()), n,
                    org.ringlab.quant.RingMode.valueOf(ringMode.get().name()));
            RingInspection insp = new RingInspection(ring);
            StringBuilder values = new StringBuilder();
            for (float v : ring.values()) {
                values.append(values.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v));
            }
            return String.format(Locale.ROOT, "values %s%n%d distinct levels → %d bits (nominal %.0f)", values,
                    insp.levels().count(), insp.distinctLevelBits(), insp.nominalBits());
        } catch (IllegalArgumentException e) {
            return "ring: " + e.getMessage();
        }
    }

    /** What the chosen non-ring method stores per weight (spec §5), or why the setup cannot say. */
    private String methodPreview() {
        if (current == null) {
            return method.get().displayName() + ": fix the problems below to see its bits.";
        }
        String label = ModelBuilder.methodLabel(current);
        return switch (method.get().family()) {
            case TERNARY -> label + String.format(Locale.ROOT,
                    "%n3 levels → 2 bits (log2 3 = 1.585 ideal) plus its scales as side information");
            case K_BIT -> label + String.format(Locale.ROOT, "%n2^%d levels → %d bits plus its scale",
                    current.bits(), current.bits());
            default -> label;
        };
    }

    private static java.util.Optional<Integer> parseInt(String key, String text, List<String> found) {
        try {
            return java.util.Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            found.add(key + " '" + text + "': not a whole number");
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<Double> parseDouble(String key, String text, List<String> found) {
        try {
            return java.util.Optional.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            found.add(key + " '" + text + "': not a number");
            return java.util.Optional.empty();
        }
    }

    /**
     * Reads a folder's headers once per path: validation runs on every keystroke. Failures are not
     * kept, so a folder the user fixes or fills is accepted on the next check.
     */
    static final class CachingProbe implements DataProbe {
        private final DataProbe delegate;
        private final Map<Path, DataDescription> cache = new HashMap<>();

        CachingProbe(DataProbe delegate) {
            this.delegate = delegate;
        }

        @Override
        public DataDescription describe(Path dir) throws IOException {
            Path key = dir.toAbsolutePath().normalize();
            DataDescription hit = cache.get(key);
            if (hit == null) {
                hit = delegate.describe(dir);
                cache.put(key, hit);
            }
            return hit;
        }
    }
}
