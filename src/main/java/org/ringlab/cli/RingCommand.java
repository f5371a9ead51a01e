package org.ringlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInspection;
import org.ringlab.quant.RingInterpolation;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab ring}: what a ring really offers, and its soft/snapped weights at given positions. */
@Command(name = "ring", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a ring's values, its distinct levels and real bits, and w, dw/dp and the snapped "
            + "value at given positions.")
final class RingCommand implements Callable<Integer> {
    @Option(names = "--type", defaultValue = "triangle", description = "triangle or sin (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--size", defaultValue = "8", paramLabel = "N", description = "Slots, 2..64 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--mode", defaultValue = "reference", description = "reference or uniform (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--sigma", description = "Kernel width in slots (default: max(0.5, n/32)).")
    Double sigma;

    @Option(names = "--positions", split = ",", paramLabel = "p1,p2,...", description = "Positions in [0,1] to evaluate.")
    List<Float> positions = List.of();

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Ring ring;
        try {
            RingType t = RingType.parse(type);
            RingMode m = RingMode.parse(mode);
            ring = sigma == null ? Ring.of(t, size, m) : Ring.of(t, size, m, sigma);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        RingInspection insp = new RingInspection(ring);
        RingInterpolation f = new RingInterpolation(ring);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(ring, insp, f)));
        } else {
            printText(out, ring, insp, f);
        }
        return 0;
    }

    private ObjectNode toJson(Ring ring, RingInspection insp, RingInterpolation f) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("type", ring.type().id());
        o.put("size", ring.size());
        o.put("mode", ring.mode().id());
        o.put("sigma", ring.sigma());
        ArrayNode values = o.putArray("ring");
        for (float v : ring.values()) {
            values.add(v);
        }
        o.put("distinct_levels", insp.levels().count());
        ArrayNode levels = o.putArray("levels");
        for (float v : insp.levels().levels()) {
            levels.add(v);
        }
        o.put("nominal_bits", insp.nominalBits());
        o.put("distinct_level_bits", insp.distinctLevelBits());
        o.put("ideal_bits", insp.levels().idealBits());
        ArrayNode p = o.putArray("positions");
        ArrayNode w = o.putArray("w");
        ArrayNode dw = o.putArray("dw_dp");
        ArrayNode hi = o.putArray("hard_index");
        ArrayNode hv = o.putArray("hard_value");
        for (float pos : positions) {
            p.add(pos);
            w.add(f.soft(pos));
            dw.add(f.derivative(pos));
            hi.add(f.hardIndex(pos));
            hv.add(f.hard(pos));
        }
        return o;
    }

    private void printText(PrintWriter out, Ring ring, RingInspection insp, RingInterpolation f) {
        out.println("ring " + ring.label());
        StringBuilder sb = new StringBuilder("values ");
        for (int k = 0; k < ring.size(); k++) {
            sb.append(String.format(Locale.ROOT, "%s%.6f", k == 0 ? "" : ", ", ring.value(k)));
        }
        out.println(sb);
        StringBuilder lv = new StringBuilder();
        for (float v : insp.levels().levels()) {
            lv.append(String.format(Locale.ROOT, "%s%.6f", lv.length() == 0 ? "" : ", ", v));
        }
        out.printf(Locale.ROOT, "distinct levels %d: %s%n", insp.levels().count(), lv);
        out.printf(Locale.ROOT, "bits: nominal %.3f (log2 of %d slots), real %d (fixed-length over distinct levels), "
                + "ideal %.3f%n", insp.nominalBits(), ring.size(), insp.distinctLevelBits(), insp.levels().idealBits());
        if (!positions.isEmpty()) {
            out.println("       p            w        dw/dp  slot  snapped");
            for (float pos : positions) {
                out.printf(Locale.ROOT, "%8.5f  %11.6f  %11.5f  %4d  %9.6f%n", pos, f.soft(pos), f.derivative(pos),
                        f.hardIndex(pos), f.hard(pos));
            }
        }
    }
}
