package org.ringlab.config;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Every name a run goes by, in one place: the method as tables show it, the run's display name, the
 * store's default name, the CLI's default run folder and a sweep point's name. They share one rule:
 * a repaired ring variant keeps its method key in every name, so it never passes for the reference.
 *
 * <p>The method's full label with its settings ("TWN (paper, Δ=0.7·mean|W| per layer)", bits.json's
 * {@code method_label}) comes from the method's quantizer: see {@code org.ringlab.nn.method}.
 */
public final class RunNames {
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunNames() {
    }

    /**
     * The method as a table or a list shows it: "fp32", the ring as "triangle-8 reference", a
     * repaired ring variant as "ring-ste triangle-8 reference".
     */
    public static String methodLabel(RunConfig c) {
        String wa = c.quantizesActivations() ? " " + weightActivation(c) : "";
        if (!c.usesRing()) {
            return c.method().key() + wa;
        }
        String ring = c.ringType().id() + "-" + c.ringSize() + " " + c.ringMode().id();
        return (c.method() == Method.RING ? ring : c.method().key() + " " + ring) + wa;
    }

    /**
     * "W2A2": the weights' bits as the method is named for them (log2 of the levels: a ring of 8 is
     * W3, ternary W1.58, LSQ-b2 W2) and the activation bits of the hidden layers' inputs. Only for
     * runs that quantize activations; the first and last layers' inputs may differ (act-first-bits,
     * act-last-bits).
     */
    public static String weightActivation(RunConfig c) {
        return "W" + weightBits(c) + "A" + (c.quantizesActivations() ? c.actBits() : 32);
    }

    private static String weightBits(RunConfig c) {
        double bits = switch (c.method().family()) {
            case NONE -> 32;
            case RING -> Math.log(c.ringSize()) / Math.log(2);
            case TERNARY -> Math.log(3) / Math.log(2);
            case K_BIT -> c.bits();
            // ADMM's projection set names its levels; STQ is at most ternary
            case OTHER -> c.method() == Method.ADMM ? c.admmSet().informationBits() : Math.log(3) / Math.log(2);
        };
        double rounded = Math.floor(bits * 100 + 1e-9) / 100;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded)
                : java.math.BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
    }

    /** The user's name, or "model method seed N" ("lenet triangle-8 reference seed 42") when none was given. */
    public static String displayName(RunConfig c) {
        return hasName(c) ? c.name() : c.model().key() + " " + methodLabel(c) + " seed " + c.seed();
    }

    /**
     * The store's name for a run given none: "lenet triangle8", "lenet ring-ste-triangle8", "lenet lsq-b2",
     * and with quantized activations "lenet lsq-w2a2".
     */
    public static String storeName(RunConfig c) {
        return c.model().key() + " " + methodToken(c);
    }

    /** The CLI's run folder name when none was given: "20261207-181911-lenet-triangle8". */
    public static String runFolder(RunConfig c, LocalDateTime time) {
        return time.format(FOLDER_TIME) + "-" + c.model().key() + "-" + methodToken(c);
    }

    /**
     * A sweep point's name, {@code <model>-<method>[-<ring>][-b<bits>]-s<seed>}: "lenet-ring-triangle8-s1",
     * "lenet-lsq-b2-s1". Built from the JSON values, so a method not known here still gets a name.
     *
     * @param ringType the ring type; used only by ring methods
     * @param bits the bit width the sweep varies; null where it does not
     */
    public static String sweepPointName(String model, String method, String ringType, int ringSize, Integer bits,
            long seed) {
        return sweepPointName(model, method, ringType, ringSize, bits, null, seed);
    }

    /** The same, with the activation bits of a W/A point ("-a2"); null for float activations. */
    public static String sweepPointName(String model, String method, String ringType, int ringSize, Integer bits,
            Integer actBits, long seed) {
        StringBuilder name = new StringBuilder(model).append('-').append(method);
        if (Method.find(method).map(Method::usesRing).orElse(false)) {
            name.append('-').append(ringToken(ringType, ringSize));
        }
        if (bits != null) {
            name.append('-').append(bitsToken(bits));
        }
        if (actBits != null) {
            name.append("-a").append(actBits);
        }
        return name.append("-s").append(seed).toString();
    }

    /**
     * The method part of a short name: the reference ring as its ring ("triangle8"), a ring variant
     * with its key ("ring-ste-triangle8"), a k-bit method with its width ("lsq-b2"), others by key.
     */
    static String methodToken(RunConfig c) {
        Method m = c.method();
        String wa = c.quantizesActivations() ? "-" + weightActivation(c).toLowerCase(java.util.Locale.ROOT) : "";
        if (m.usesRing()) {
            String ring = ringToken(c.ringType().id(), c.ringSize());
            return (m == Method.RING ? ring : m.key() + "-" + ring) + wa;
        }
        if (!wa.isEmpty()) {
            return m.key() + wa;
        }
        return m.usesBits() ? m.key() + "-" + bitsToken(c.bits()) : m.key();
    }

    private static String ringToken(String type, int size) {
        return type + size;
    }

    private static String bitsToken(int bits) {
        return "b" + bits;
    }

    private static boolean hasName(RunConfig c) {
        return c.name() != null && !c.name().isBlank();
    }
}
