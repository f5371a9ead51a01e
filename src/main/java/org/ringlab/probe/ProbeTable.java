package org.ringlab.probe;

import java.util.ArrayList;
import java.util.List;
import org.ringlab.tables.Table;

/** A probe's result as a table: one row per layer, in forward order. */
public final class ProbeTable {
    public static final String RATIO = "D quantized / D FP32";
    public static final List<String> COLUMNS = List.of("layer", "features", "D FP32", "D quantized", RATIO,
            "D FP32 binary (INFERRED tau)", "D FP32 ternary (INFERRED tau)", "J FP32", "J quantized");

    private ProbeTable() {
    }

    public static Table of(ProbeResult result) {
        List<List<Object>> rows = new ArrayList<>();
        for (ProbeResult.Point p : result.points()) {
            rows.add(List.of(p.name(), p.dims(), p.fp32(), p.quantized(), p.quantized() / p.fp32(), p.fp32Binary(),
                    p.fp32Ternary(), p.fp32Trace(), p.quantizedTrace()));
        }
        return new Table(COLUMNS, rows);
    }
}
