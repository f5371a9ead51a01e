package org.ringlab.tables;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * A JSON array with one object per row. Numbers stay numbers, missing values are null, and an
 * {@link Estimate} is an object {"mean", "std", "n"}.
 */
final class JsonTableWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonTableWriter() {
    }

    static void write(Table table, Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter();
        // the caller owns the writer (it may be stdout)
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartArray();
        List<String> columns = table.columns();
        for (var row : table.rows()) {
            json.writeStartObject();
            for (int c = 0; c < columns.size(); c++) {
                json.writeFieldName(columns.get(c));
                writeCell(json, row.get(c));
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeRaw('\n');
        json.close();
    }

    private static void writeCell(JsonGenerator json, Object cell) throws IOException {
        if (Cells.isEmpty(cell)) {
            json.writeNull();
        } else if (cell instanceof Estimate e) {
            json.writeStartObject();
            json.writeFieldName("mean");
            writeNumber(json, e.mean());
            json.writeFieldName("std");
            writeNumber(json, e.std());
            json.writeNumberField("n", e.n());
            json.writeEndObject();
        } else if (cell instanceof Integer || cell instanceof Long) {
            json.writeNumber(((Number) cell).longValue());
        } else if (cell instanceof Number n) {
            writeNumber(json, n.doubleValue());
        } else if (cell instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(cell.toString());
        }
    }

    /** The same digits as the text formats; null for NaN, which JSON cannot hold. */
    private static void writeNumber(JsonGenerator json, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            json.writeNull();
        } else {
            json.writeNumber(new BigDecimal(Cells.number(v)));
        }
    }
}
