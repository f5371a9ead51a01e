package org.ringlab.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ringlab.tables.Estimate;

/**
 * A column of the comparison table as a figure shows it: a short id for {@code --columns}, the
 * comparison table's column it reads, a header for readers and the decimals its numbers get.
 */
public enum TableColumn {
    RUN("run", "run", "Run", -1),
    METHOD("method", "method", "Method", -1),
    MODEL("model", "model", "Model", -1),
    /** The code width, ceil(log2 levels): what a legend's "2 bit" says (a triangle-8 ring has 4 levels). */
    BITS("bits", "level_bits", "Bits", 2),
    NOMINAL_BITS("nominal-bits", "nominal_bits", "Nominal bits", 2),
    LEVELS("levels", "levels", "Levels", 0),
    ENTROPY("entropy", "entropy_bits", "Entropy (bit)", 2),
    SIDE_BITS("side-bits", "side_bits", "Side bits/weight", 2),
    COMPRESSION("compression", "cr_weights", "Compression (\u00d7)", 1),
    MODEL_COMPRESSION("model-compression", "cr_model", "Model compr. (\u00d7)", 1),
    SEEDS("seeds", "n", "Seeds", 0),
    SOFT("soft", "final_soft", "Soft acc. (%)", 2),
    SNAPPED("snapped", "final_snapped", "Snapped acc. (%)", 2),
    SNAPPED_BN("snapped-bn", "final_snapped_bn", "Snapped+BN acc. (%)", 2),
    BEST_SOFT("best-soft", "best_soft", "Best soft (%)", 2),
    BEST_EPOCH("best-epoch", "best_epoch", "Best epoch", 0),
    BEST_SNAPPED("best-snapped", "best_snapped", "Best snapped (%)", 2),
    TIME("time", "wall_s", "Time (s)", 0),
    NOTE("note", "note", "Note", -1);

    /** A table that fits a column or two: what a reader compares first. */
    public static final List<TableColumn> DEFAULT = List.of(RUN, BITS, LEVELS, COMPRESSION, SOFT, SNAPPED,
            SNAPPED_BN);

    private final String id;
    private final String source;
    private final String header;
    private final int decimals;

    TableColumn(String id, String source, String header, int decimals) {
        this.id = id;
        this.source = source;
        this.header = header;
        this.decimals = decimals;
    }

    public String id() {
        return id;
    }

    /** The comparison table's column name. */
    public String source() {
        return source;
    }

    public String header() {
        return header;
    }

    /** "run,bits,…" — every id, for help texts and error messages. */
    public static String ids() {
        return Stream.of(values()).map(TableColumn::id).collect(Collectors.joining(","));
    }

    /**
     * The columns named in a comma-separated list, in its order. A soft accuracy is not a quantized
     * result, so it needs the snapped accuracy beside it (as in {@code export-data}).
     *
     * @throws IllegalArgumentException naming an unknown id, a repeated one or the missing snapped column
     */
    public static List<TableColumn> parse(String list) {
        List<TableColumn> chosen = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            String id = part.strip().toLowerCase(Locale.ROOT);
            TableColumn column = Stream.of(values()).filter(c -> c.id.equals(id)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no column '" + part.strip() + "'; columns: " + ids()));
            if (chosen.contains(column)) {
                throw new IllegalArgumentException("column '" + id + "' is listed twice");
            }
            chosen.add(column);
        }
        if ((chosen.contains(SOFT) || chosen.contains(BEST_SOFT)) && !chosen.contains(SNAPPED)) {
            throw new IllegalArgumentException("a soft accuracy is not a quantized result: list snapped with soft "
                    + "or best-soft");
        }
        return chosen;
    }

    /** A cell rounded to this column's decimals; "–" for no value, "± s" for a seed group's spread. */
    public String text(Object cell) {
        if (cell == null || (cell instanceof Double d && d.isNaN())) {
            return "\u2013";
        }
        if (cell instanceof Estimate e) {
            String mean = number(e.mean());
            return Double.isNaN(e.std()) ? mean : mean + " \u00b1 " + number(e.std());
        }
        if (cell instanceof Number n) {
            return number(n.doubleValue());
        }
        return cell.toString();
    }

    /** Whether the column holds numbers (right-aligned). */
    public boolean numeric() {
        return decimals >= 0;
    }

    private String number(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "\u2212\u221e";
        }
        if (decimals < 0) {
            return Double.toString(v);
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
    }
}
