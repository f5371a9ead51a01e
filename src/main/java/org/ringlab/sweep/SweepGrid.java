package org.ringlab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.config.Method;
import org.ringlab.config.RunNames;

/**
 * The axes of a sweep: methods × ring types × ring sizes × bit widths × activation bits × seeds, laid over one base
 * configuration. An empty axis keeps the base configuration's value.
 *
 * <p>An axis only multiplies the methods it applies to ({@link #usesRingAxes}, {@link #usesBits}):
 * a TWN run has no ring and no bit width to vary, so it gets one run per seed, not one per ring
 * size. Which axes a method has is {@link Method}'s to say. Points are built on the JSON form of the
 * configuration (its kebab-case keys), so a method or key the configuration does not know is still
 * expanded here (with neither axis) and reported when parsed.
 *
 * @param methods method keys, e.g. "fp32", "ring", "twn", "lsq"
 * @param ringTypes ring types, e.g. "triangle", "sin" (ring methods only)
 * @param ringSizes ring sizes (ring methods only)
 * @param bits bit widths (the methods with {@link Method#bitWidths()} only)
 * @param seeds seeds (every method)
 * @param actBits activation bits (the quantized methods only; 0 keeps the activations float, so
 *     "0, 2" gives every quantized method a W and a WA2 run)
 */
public record SweepGrid(List<String> methods, List<String> ringTypes, List<Integer> ringSizes, List<Integer> bits,
        List<Long> seeds, List<Integer> actBits) {
    /** A grid without an activation axis: the base configuration's activations. */
    public SweepGrid(List<String> methods, List<String> ringTypes, List<Integer> ringSizes, List<Integer> bits,
            List<Long> seeds) {
        this(methods, ringTypes, ringSizes, bits, seeds, List.of());
    }

    public SweepGrid {
        // "fp32, ring" typed with a space still means fp32 and ring
        methods = methods.stream().map(String::strip).toList();
        ringTypes = ringTypes.stream().map(String::strip).toList();
        ringSizes = List.copyOf(ringSizes);
        bits = List.copyOf(bits);
        seeds = List.copyOf(seeds);
        actBits = List.copyOf(actBits);
    }

    /** Whether ring type and ring size vary for this method: the ring methods. */
    public static boolean usesRingAxes(String method) {
        return Method.find(method).map(Method::usesRing).orElse(false);
    }

    /** Whether the bit width varies for this method: the methods with bit widths. */
    public static boolean usesBits(String method) {
        return Method.find(method).map(Method::usesBits).orElse(false);
    }

    /**
     * Every point of the grid, methods outermost and seeds innermost, so the seeds of one
     * configuration follow each other.
     *
     * @param base the base configuration as JSON (every key, as RunConfigJson writes it)
     * @param outDir the folder the runs go into, one directory per point named after it; null
     *     leaves "out" as the base has it (a service that picks directories itself)
     */
    public List<SweepPoint> expand(ObjectNode base, Path outDir) {
        List<String> methodAxis = methods.isEmpty() ? List.of(text(base, "method")) : methods;
        List<Long> seedAxis = seeds.isEmpty() ? List.of(base.path("seed").asLong()) : seeds;
        String model = text(base, "model");
        List<SweepPoint> points = new ArrayList<>();
        for (String method : methodAxis) {
            boolean ring = usesRingAxes(method);
            List<String> types = ring && !ringTypes.isEmpty() ? ringTypes : nullList();
            List<Integer> sizes = ring && !ringSizes.isEmpty() ? ringSizes : nullList();
            List<Integer> widths = usesBits(method) && !bits.isEmpty() ? bits : nullList();
            boolean quantized = Method.find(method).map(Method::quantized).orElse(false);
            List<Integer> activations = quantized && !actBits.isEmpty() ? actBits : nullList();
            for (String type : types) {
                for (Integer size : sizes) {
                    for (Integer width : widths) {
                        for (Integer act : activations) {
                            for (long seed : seedAxis) {
                                points.add(point(base, outDir, model, method, type, size, width, act, seed));
                            }
                        }
                    }
                }
            }
        }
        return points;
    }

    /** One point: the base with this method and the axes' values; a null value leaves the base's. */
    private static SweepPoint point(ObjectNode base, Path outDir, String model, String method, String type,
            Integer size, Integer width, Integer act, long seed) {
        ObjectNode point = base.deepCopy();
        point.put("method", method);
        String name = RunNames.sweepPointName(model, method, type != null ? type : text(base, "ring-type"),
                size != null ? size : base.path("ring-size").asInt(), width, act == null || act == 0 ? null : act,
                seed);
        if (type != null) {
            point.put("ring-type", type);
        }
        if (size != null) {
            point.put("ring-size", size);
        }
        if (width != null) {
            point.put("bits", width);
        } else if (!usesBits(method)) {
            // the base carries every key with its default: a bit width means nothing here
            point.remove("bits");
        }
        if (act != null && act > 0) {
            point.put("act-bits", act);
        } else if (act != null) {
            point.putNull("act-bits");
        }
        point.put("seed", seed);
        point.put("name", name);
        if (outDir != null) {
            point.put("out", outDir.resolve(name).toString());
        }
        return new SweepPoint(name, point);
    }

    private static String text(JsonNode base, String key) {
        JsonNode v = base.get(key);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** An axis that does not apply: one pass that leaves the base value alone. */
    private static <T> List<T> nullList() {
        List<T> one = new ArrayList<>(1);
        one.add(null);
        return one;
    }
}
