package org.ringlab.figures;

import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.tables.RunBits;

/**
 * What a legend calls a run: the name the user gave it, else its method and bit width ("Ring-8
 * (3 bit)", "LSQ W2", "TWN (ternary)", "FP32"), never a database id or a folder: a reader of the paper
 * knows neither. A ring's bits are those of its distinct levels (a triangle-8 ring has 4: 2 bit).
 */
public final class RunLabel {
    private RunLabel() {
    }

    public static String of(RunConfig config) {
        String name = config.name();
        return name != null && !name.isBlank() ? name.strip() : methodAndBits(config);
    }

    /** The method and its bit width, from the configuration alone. */
    public static String methodAndBits(RunConfig config) {
        Method method = config.method();
        // the menu names carry notes in parentheses ("Power-of-two (INFERRED)"); a legend has no room
        String shortName = method.displayName().replaceAll("\\s*\\(.*\\)", "");
        return switch (method.family()) {
            case NONE -> "FP32";
            // the bits its snapped weights take (4 distinct levels of a triangle-8 ring: 2 bit), not log2 of the slots
            case RING -> shortName + "-" + config.ringSize() + " (" + RunBits.of(config).levelBits() + " bit)";
            case TERNARY -> shortName + " (ternary)";
            case K_BIT -> shortName + " W" + config.bits();
            case OTHER -> method == Method.ADMM ? shortName + " " + config.admmSet().label() : shortName;
        };
    }
}
