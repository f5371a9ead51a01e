package org.ringlab.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;

/**
 * A configuration as flat text cells, one per config key, spelled exactly as in config.json
 * ("triangle", "cosine", "0.001"), null where the key is unset.
 */
final class ConfigColumns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigColumns() {
    }

    /** The keys in config.json order, less those listed in {@code except}. */
    static List<String> keys(List<String> except) {
        return RunConfigJson.keys().stream().filter(k -> !except.contains(k)).toList();
    }

    /** The cells for {@code keys}, in that order. */
    static List<Object> cells(RunConfig config, List<String> keys) {
        JsonNode tree;
        try {
            // config.json's own spelling of every value, so the table and the file agree
            tree = JSON.readTree(RunConfigJson.toJson(config));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("RunConfigJson wrote JSON it cannot read back", e);
        }
        List<Object> cells = new ArrayList<>(keys.size());
        for (String key : keys) {
            JsonNode value = tree.get(key);
            cells.add(value == null || value.isNull() ? null : value.asText());
        }
        return cells;
    }
}
