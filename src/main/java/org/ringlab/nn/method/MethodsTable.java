package org.ringlab.nn.method;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;

/**
 * The methods table of docs/methods.md, generated from the registry so that it cannot fall behind
 * it: the block between {@link #START} and {@link #END}.
 */
public final class MethodsTable {
    public static final String START = "<!-- methods-table:start -->";
    public static final String END = "<!-- methods-table:end -->";

    private MethodsTable() {
    }

    /** The table in Markdown, one row per registered method, with the markers around it. */
    public static String markdown() {
        JsonNode defaults = defaults();
        StringBuilder out = new StringBuilder(START).append('\n');
        out.append("<!-- generated from org.ringlab.nn.method.MethodRegistry by MethodsTableTest; do not edit -->\n");
        out.append("| `--method` | Label | What it is | Its settings (default) | Bit widths | Nominal bits | "
                + "Latent histogram |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (MethodDescriptor d : MethodRegistry.all()) {
            Method m = d.method();
            List<Integer> widths = m.bitWidths();
            out.append("| `").append(d.key()).append("` | ")
                    .append(cell(d.label())).append(" | ")
                    .append(cell(d.summary())).append(" | ")
                    .append(settings(m, defaults)).append(" | ")
                    .append(widths.isEmpty() ? "–" : widths.get(0) + ".." + widths.get(widths.size() - 1)).append(" | ")
                    .append(cell(d.bitCount().nominal())).append(" | ")
                    .append(latent(d.latentView())).append(" |\n");
        }
        return out.append(END).toString();
    }

    /**
     * {@code document} with its generated block replaced by {@link #markdown()}.
     *
     * @throws IllegalArgumentException when the document lacks the markers
     */
    public static String replaceIn(String document) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the document has no " + START + " ... " + END + " block");
        }
        return document.substring(0, start) + markdown() + document.substring(end + END.length());
    }

    private static String settings(Method m, JsonNode defaults) {
        if (m.settings().isEmpty()) {
            return "–";
        }
        return m.settings().stream()
                .map(key -> "`" + key + "` (" + cell(defaultText(defaults.get(key))) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String defaultText(JsonNode value) {
        // a null default is derived when the run starts (sigma from the ring size, ring-bias from the model)
        return value == null || value.isNull() ? "derived" : value.asText();
    }

    private static String latent(LatentView v) {
        if (v.kind() == LatentView.Kind.NONE) {
            return "–";
        }
        String axis = v.kind() == LatentView.Kind.RING_POSITIONS ? "ring view: " + v.coordinate() : v.coordinate();
        String scalars = v.scalars().equals("–") ? "" : "; over time: " + v.scalars();
        return cell(axis + "; lines: " + v.referenceLines() + scalars);
    }

    /** A table cell: a '|' in the text would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static JsonNode defaults() {
        try {
            return new ObjectMapper().readTree(RunConfigJson.toJson(RunConfig.defaults()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
