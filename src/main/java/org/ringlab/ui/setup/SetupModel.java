package org.ringlab.ui.setup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ringlab.config.DataDescription;
import org.ringlab.config.DataProbe;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.config.Setting;
import org.ringlab.config.Settings;
import org.ringlab.config.Violation;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInspection;
import org.ringlab.train.DataSetProbe;
import org.ringlab.train.ModelBuilder;

/**
 * The run-setup panel's state and rules, without any control: one input per setting of the
 * registry ({@link Settings}) that the window edits, the configuration they make, every problem with
 * it (re-checked on each change, each tied to its setting's key) and the ring preview.
 *
 * <p>Inputs by type: text for numbers, text and schedules (as typed, parsed on each change), the value
 * itself for choices, a boolean for flags and a nullable boolean for flags whose default depends on
 * other settings.
 */
public final class SetupModel {
    private final Map<Setting<?>, Property<?>> inputs = new LinkedHashMap<>();
    // the inputs that code outside the panel uses by name (the shell, tests)
    public final ObjectProperty<Method> method = choice(Settings.METHOD_KIND);
    public final StringProperty data = text(Settings.DATA_DIR);
    public final StringProperty ringSize = text(Settings.RING_SIZE);
    public final StringProperty lr = text(Settings.LR);
    public final StringProperty epochs = text(Settings.EPOCHS);
    public final StringProperty schedule = text(Settings.SCHEDULE_SPEC);
    public final StringProperty seed = text(Settings.SEED);

    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private List<Violation> violations = List.of();
    private final ReadOnlyStringWrapper ringPreview = new ReadOnlyStringWrapper("");
    private final SimpleBooleanProperty valid = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<RunConfig> config = new ReadOnlyObjectWrapper<>();
    private final DataProbe probe;
    private RunConfig base = RunConfig.defaults();
    private RunConfig current;
    private boolean loading;

    public SetupModel() {
        this(new CachingProbe(new DataSetProbe()));
    }

    SetupModel(DataProbe probe) {
        this.probe = probe;
        for (Setting<?> setting : settings()) {
            input(setting).addListener((obs, was, now) -> {
                if (!loading) {
                    revalidate();
                }
            });
        }
        revalidate();
    }

    /** The settings the window edits, in registry order. */
    public static List<Setting<?>> settings() {
        return Settings.all().stream().filter(s -> s.panel() != Setting.Panel.NONE).toList();
    }

    /** The input of a setting: a StringProperty, ObjectProperty or BooleanProperty (see the class comment). */
    public Property<?> input(Setting<?> setting) {
        Property<?> p = inputs.get(setting);
        if (p != null) {
            return p;
        }
        Object initial = setting.defaultValue();
        if (setting.isChoice()) {
            p = new SimpleObjectProperty<>(initial);
        } else if (setting.isBoolean()) {
            p = setting.isNullable() ? new SimpleObjectProperty<Boolean>((Boolean) initial)
                    : new SimpleBooleanProperty((Boolean) initial);
        } else {
            p = new SimpleStringProperty(setting.format(initial));
        }
        inputs.put(setting, p);
        return p;
    }

    /** The text typed for a number, text or schedule setting. */
    public StringProperty text(Setting<?> setting) {
        return (StringProperty) input(setting);
    }

    /** The value chosen for a choice setting. */
    @SuppressWarnings("unchecked")
    public <T> ObjectProperty<T> choice(Setting<T> setting) {
        return (ObjectProperty<T>) input(setting);
    }

    /** A yes/no setting (null, for a nullable one, is "the default"). */
    @SuppressWarnings("unchecked")
    public ObjectProperty<Boolean> optionalFlag(Setting<Boolean> setting) {
        return (ObjectProperty<Boolean>) input(setting);
    }

    /** A yes/no setting that is never null. */
    public BooleanProperty flag(Setting<Boolean> setting) {
        return (BooleanProperty) input(setting);
    }

    /** True while the chosen method uses {@code setting}: its row is shown only then. */
    public BooleanBinding uses(Setting<?> setting) {
        return Bindings.createBooleanBinding(() -> setting.usedBy(method.get()), method);
    }

    /** Every problem with the current setup, each naming the field and the rule; empty when valid. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The problems with their keys. */
    public List<Violation> violations() {
        return violations;
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

    /**
     * The configuration as it changes, null while the setup has problems: every valid edit that
     * changes it is heard (the problem list, empty before and after, says nothing of such edits).
     */
    public ReadOnlyObjectProperty<RunConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /** The problems that concern one setting (by key), for the marks next to its field. */
    public List<String> problemsFor(String key) {
        return violations.stream().filter(v -> v.key().equals(key)).map(Violation::toString).toList();
    }

    /** Fills every field from a configuration (keys the panel does not show are kept). */
    public void load(RunConfig config) {
        base = config;
        loading = true;
        try {
            for (Setting<?> setting : settings()) {
                show(setting, setting.get(config));
            }
        } finally {
            loading = false;
        }
        revalidate();
    }

    @SuppressWarnings("unchecked")
    private void show(Setting<?> setting, Object value) {
        Property<?> p = input(setting);
        if (p instanceof StringProperty s) {
            s.set(setting.format(value));
        } else {
            ((Property<Object>) p).setValue(value);
        }
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
        List<Violation> found = new ArrayList<>();
        RunConfig.Builder b = base.toBuilder();
        Method m = method.get();
        for (Setting<?> setting : settings()) {
            Property<?> p = input(setting);
            if (p instanceof StringProperty s) {
                try {
                    set(b, setting, setting.parse(s.get()));
                } catch (IllegalArgumentException e) {
                    // only the settings the chosen method uses: a half-typed value elsewhere is not a problem
                    if (setting.usedBy(m)) {
                        found.add(Violation.fromLine(e.getMessage()));
                    }
                }
            } else if (p.getValue() != null || setting.isNullable()) {
                set(b, setting, p.getValue());
            }
        }
        RunConfig candidate = null;
        if (found.isEmpty()) {
            candidate = b.build();
            found.addAll(candidate.violations(probe));
        }
        violations = List.copyOf(found);
        current = found.isEmpty() ? candidate : null;
        problems.setAll(found.stream().map(Violation::toString).toList());
        valid.set(current != null);
        config.set(current);
        ringPreview.set(preview());
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(RunConfig.Builder b, Setting<T> setting, Object value) {
        b.set(setting, (T) value);
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
            Ring ring = Ring.of(choice(Settings.RING_TYPE).get(), n, choice(Settings.RING_MODE).get());
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

    /** What the chosen non-ring method stores per weight (docs/methods.md), or why the setup cannot say. */
    private String methodPreview() {
        if (current == null) {
            return method.get().displayName() + ": fix the problems below to see its bits.";
        }
        String label = ModelBuilder.methodLabel(current);
        return switch (method.get().family()) {
            case TERNARY -> label + String.format(Locale.ROOT,
                    "%n3 levels → 2 bits (log2 3 = 1.585 ideal) plus its scales as side information");
            case K_BIT -> label + (method.get() == Method.SLQ
                    ? String.format(Locale.ROOT, "%n2^%d + 1 k-means levels → %d bits plus the levels",
                            current.bits() - 1, current.bits())
                    : String.format(Locale.ROOT, "%n2^%d levels → %d bits plus its scale", current.bits(),
                            current.bits()));
            default -> label;
        };
    }

    /**
     * Reads a folder's headers once per path: validation runs on every keystroke. Failures are not
     * kept, so a folder the user fixes or fills is accepted on the next check.
     */
    static final class CachingProbe implements DataProbe {
        private final DataProbe delegate;
        private final Map<String, DataDescription> cache = new HashMap<>();

        CachingProbe(DataProbe delegate) {
            this.delegate = delegate;
        }

        @Override
        public DataDescription describe(Path dir, int imageSize) throws IOException {
            String key = dir.toAbsolutePath().normalize() + " at " + imageSize;
            DataDescription hit = cache.get(key);
            if (hit == null) {
                hit = delegate.describe(dir, imageSize);
                cache.put(key, hit);
            }
            return hit;
        }
    }
}
