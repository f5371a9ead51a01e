package org.ringlab.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One run setting, declared once in {@link Settings}: its key (the JSON key and the CLI flag
 * without dashes), type, default, range or choices, unit, help, group and which methods use it.
 * The builder's defaults, JSON reading and writing, the per-setting checks of {@link
 * ConfigValidator}, the CLI options, the setup panel's rows, the config columns of tables and the
 * docs' settings table all follow from these declarations.
 *
 * <p>Declared with {@link #of} and the fluent, package-private setters inside {@link Settings}
 * only; from outside a setting is read-only.
 *
 * @param <T> the value's type as the {@link RunConfig} component holds it (boxed)
 */
public final class Setting<T> {

    /** Where a setting belongs: the docs' sections and the order of the per-setting checks. */
    public enum Group {
        DATA, MODEL, RING, METHOD, OPTIMIZER, SCHEDULE, BOOKKEEPING, MACHINE, RUN;

        public String title() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    /** Where the window's setup panel puts a setting's row. */
    public enum Panel {
        /** The main grid. */
        MAIN,
        /** The collapsed "Advanced" pane. */
        ADVANCED,
        /** Not in the window (the run directory, which the service chooses). */
        NONE
    }

    private final String key;
    private final Class<T> type;
    private final Function<RunConfig, T> accessor;
    private final T defaultValue;
    private Group group = Group.RUN;
    private boolean nullable;
    private Range range;
    private String rangeText;
    private String unit = "";
    private String help = "";
    private String defaultShown;
    private String note = "";
    private String paramLabel;
    private Predicate<Method> usedBy = m -> true;
    private boolean methodSpecific;
    private String label;
    private String prompt = "";
    private Panel panel = Panel.ADVANCED;

    private Setting(String key, Class<T> type, Function<RunConfig, T> accessor, T defaultValue) {
        this.key = key;
        this.type = type;
        this.accessor = accessor;
        this.defaultValue = defaultValue;
    }

    /** A setting with its key, value type, record accessor and default (null only with {@link #nullable()}). */
    static <T> Setting<T> of(String key, Class<T> type, Function<RunConfig, T> accessor, T defaultValue) {
        return new Setting<>(key, type, accessor, defaultValue);
    }

    // ---- declaration (package-private, fluent)

    Setting<T> group(Group g) {
        this.group = g;
        return this;
    }

    /** Null is a valid value ("the default", e.g. sigma = max(0.5, n/32)). */
    Setting<T> nullable() {
        this.nullable = true;
        return this;
    }

    Setting<T> range(Range r) {
        this.range = r;
        return this;
    }

    /** The range as the docs show it when the validator checks it by hand (it depends on other settings). */
    Setting<T> rangeText(String text) {
        this.rangeText = text;
        return this;
    }

    Setting<T> unit(String u) {
        this.unit = u;
        return this;
    }

    /** The help text without the default, e.g. "Slots on the ring, 2..64". */
    Setting<T> help(String h) {
        this.help = h;
        return this;
    }

    /** How the help shows the default when not as the value itself, e.g. "max(0.5, n/32)". */
    Setting<T> defaultShown(String shown) {
        this.defaultShown = shown;
        return this;
    }

    /** Help text after the default, e.g. "; see docs/methods.md". */
    Setting<T> note(String n) {
        this.note = n;
        return this;
    }

    Setting<T> paramLabel(String p) {
        this.paramLabel = p;
        return this;
    }

    /** The methods that use this setting, and that it is one of their own (listed with the method). */
    Setting<T> usedBy(Predicate<Method> uses) {
        this.usedBy = uses;
        this.methodSpecific = true;
        return this;
    }

    /** Used by every quantized method alike (e.g. which layers are quantized): no method lists it as its own. */
    Setting<T> usedByQuantized() {
        this.usedBy = Method::quantized;
        return this;
    }

    /** The setup panel's label, and that it has a row in the main grid. */
    Setting<T> label(String l) {
        this.label = l;
        this.panel = Panel.MAIN;
        return this;
    }

    Setting<T> prompt(String p) {
        this.prompt = p;
        return this;
    }

    Setting<T> panel(Panel p) {
        this.panel = p;
        return this;
    }

    // ---- reading

    public String key() {
        return key;
    }

    /** The key in camel case ("ring-size" to "ringSize"): the {@link RunConfig} component's name. */
    public String fieldName() {
        StringBuilder out = new StringBuilder();
        for (String part : key.split("-", -1)) {
            out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    /** The boxed value type: Integer, Long, Double, Boolean, String, ScheduleSpec or an enum. */
    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean isNullable() {
        return nullable;
    }

    /** The numeric range the validator checks, or null (choices, text, cross-field rules only). */
    public Range range() {
        return range;
    }

    /** The range or the choices as the docs show them, "" for none. */
    public String rangeText() {
        if (rangeText != null) {
            return rangeText;
        }
        if (range != null) {
            return range.text();
        }
        return isChoice() ? choicesText() : "";
    }

    public String unit() {
        return unit;
    }

    public String help() {
        return help;
    }

    public Group group() {
        return group;
    }

    public Panel panel() {
        return panel;
    }

    /** The panel's label: the declared one, else the key in words ("bn recal batches"). */
    public String label() {
        return label != null ? label : key.replace('-', ' ');
    }

    public String prompt() {
        return prompt;
    }

    /** picocli's parameter label, or null for its default. */
    public String paramLabel() {
        return paramLabel;
    }

    /** Whether {@code method} reads this setting (others ignore it, and it is not checked for them). */
    /** Whether some methods use this setting and others do not (it belongs to those methods' own settings). */
    public boolean methodSpecific() {
        return methodSpecific;
    }

    public boolean usedBy(Method method) {
        return method != null && usedBy.test(method);
    }

    /** The methods that read this setting, in declaration order. */
    public List<Method> methods() {
        return Arrays.stream(Method.values()).filter(usedBy).toList();
    }

    public boolean isBoolean() {
        return type == Boolean.class;
    }

    public boolean isChoice() {
        return type.isEnum();
    }

    /** The choices of an enum setting in declaration order; empty for other types. */
    public List<T> choices() {
        return isChoice() ? List.of(type.getEnumConstants()) : List.of();
    }

    /** The value in {@code config}. */
    public T get(RunConfig config) {
        return accessor.apply(config);
    }

    /** {@code value} as config.json's text spells it without quotes ("0.001", "triangle"), "" for null. */
    public String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Enum<?> e) {
            return ConfigEnum.keyOf(e);
        }
        if (value instanceof Double d) {
            return NumberText.format(d);
        }
        return value.toString();
    }

    /** The default as the help shows it. */
    public String defaultText() {
        if (defaultShown != null) {
            return defaultShown;
        }
        if (defaultValue instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return format(defaultValue);
    }

    /** Whether the help names a default (a nullable setting without a shown default has none). */
    public boolean showsDefault() {
        return defaultValue != null || defaultShown != null;
    }

    /** The CLI help line: help, default, note, e.g. "Slots on the ring, 2..64 (default: 8)." */
    public String description() {
        String defaults = showsDefault() ? " (default: " + defaultText() + ")" : "";
        return help + defaults + note + ".";
    }

    /**
     * Text typed by a user (the window) as a value; blank is null for a nullable setting.
     *
     * @throws IllegalArgumentException with a violation line such as "ring-size 'x': not a whole number"
     */
    public T parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        if (nullable && t.isEmpty()) {
            return null;
        }
        try {
            Object value;
            if (type == Integer.class) {
                value = Integer.valueOf(t);
            } else if (type == Long.class) {
                value = Long.valueOf(t);
            } else if (type == Double.class) {
                value = Double.valueOf(t);
            } else if (type == Boolean.class) {
                value = parseBoolean(t);
            } else if (type == ScheduleSpec.class) {
                value = ScheduleSpec.parse(t);
            } else if (type.isEnum()) {
                value = parseEnum(text);
            } else {
                value = t;
            }
            return type.cast(value);
        } catch (NumberFormatException e) {
            String what = type == Double.class ? "not a number" : "not a whole number";
            throw new IllegalArgumentException(key + " '" + text + "': " + what, e);
        }
    }

    private Boolean parseBoolean(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " '" + t + "': must be true or false");
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object parseEnum(String t) {
        return ConfigEnum.parse((Class) type, key, t);
    }

    /** The choices as the help and the docs list them: "triangle, sin". */
    public String choicesText() {
        return choices().stream().map(this::format).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key;
    }
}
