package org.ringlab.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the bits.json the trainer writes into a run directory at every epoch end: the method's
 * own account of what its weights cost (snake_case keys, see docs/comparison.md).
 *
 * <p>A key that is missing or null reads as "not known" (an empty cell), never as zero; a key of
 * the wrong type is an error naming the file and the key.
 */
public final class BitsFile {
    public static final String NAME = "bits.json";

    // the trainer may write NaN or Infinity (e.g. an infinite ratio for a zero-bit layer)
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private BitsFile() {
    }

    public static RecordedBits read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected a JSON object");
        }
        JsonNode method = root.get("method");
        if (method == null || !method.isTextual() || method.asText().isBlank()) {
            throw new IOException(file + ": no \"method\" text");
        }
        JsonNode label = root.get("method_label");
        String methodLabel = label != null && label.isTextual() && !label.asText().isBlank() ? label.asText()
                : method.asText();
        Long levels = whole(file, root, "distinct_levels");
        return new RecordedBits(methodLabel, number(file, root, "nominal_bits"),
                levels == null ? null : Math.toIntExact(levels), number(file, root, "level_bits"),
                number(file, root, "entropy_bits"), number(file, root, "side_bits_per_weight"),
                whole(file, root, "quantized_weights"), whole(file, root, "float_params"),
                number(file, root, "cr_weights_only"), number(file, root, "cr_whole_model"), RecordedBits.Source.BITS_JSON);
    }

    private static double number(Path file, JsonNode root, String key) throws IOException {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new IOException(file + ": \"" + key + "\" must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static Long whole(Path file, JsonNode root, String key) throws IOException {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IOException(file + ": \"" + key + "\" must be a whole number, got " + v);
        }
        return v.asLong();
    }
}
