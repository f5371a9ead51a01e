package org.ringlab.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum whose values appear in config files and on the command line under lower-case names
 * ({@code resnet20}, {@code sgd}). Only enums may implement it. Enums from lower layers that
 * cannot implement it ({@code quant.RingType}) are spelled the same way by {@link #keyOf}.
 */
public interface ConfigEnum {

    /** The lower-case name used in JSON files and on the command line. */
    default String key() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The config spelling of any enum value: its {@link #key()}, else its lower-case name. */
    static String keyOf(Enum<?> value) {
        return value instanceof ConfigEnum c ? c.key() : value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Case-insensitive lookup by {@link #keyOf}.
     *
     * @param setting the config key being parsed, so the error names it
     * @throws IllegalArgumentException naming the setting, the bad text and the valid values
     */
    static <E extends Enum<E>> E parse(Class<E> type, String setting, String text) {
        if (text != null) {
            String wanted = text.trim();
            for (E value : type.getEnumConstants()) {
                if (keyOf(value).equalsIgnoreCase(wanted)) {
                    return value;
                }
            }
        }
        String shown = text == null ? "(missing)" : "'" + text + "'";
        throw new IllegalArgumentException(
                setting + " " + shown + ": must be one of " + validKeys(type));
    }

    /** The valid keys in declaration order, e.g. {@code "sgd, adam"}. */
    static String validKeys(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(value -> keyOf((Enum<?>) value))
                .collect(Collectors.joining(", "));
    }
}
