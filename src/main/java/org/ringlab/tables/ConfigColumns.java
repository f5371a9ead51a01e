package org.ringlab.tables;

import java.util.ArrayList;
import java.util.List;
import org.ringlab.config.RunConfig;
import org.ringlab.config.Setting;
import org.ringlab.config.Settings;

/**
 * A configuration as flat text cells, one per setting, spelled exactly as in config.json
 * ("triangle", "cosine", "0.001"), null where the setting is unset.
 */
final class ConfigColumns {

    private ConfigColumns() {
    }

    /** The keys in config.json order, less those listed in {@code except}. */
    static List<String> keys(List<String> except) {
        return Settings.keys().stream().filter(k -> !except.contains(k)).toList();
    }

    /** The cells for {@code keys}, in that order. */
    static List<Object> cells(RunConfig config, List<String> keys) {
        List<Object> cells = new ArrayList<>(keys.size());
        for (String key : keys) {
            Setting<?> setting = Settings.byKey(key);
            Object value = setting == null ? null : setting.get(config);
            cells.add(value == null ? null : jsonText(value));
        }
        return cells;
    }

    /** config.json's own spelling (Jackson's for numbers), so the table and the file agree. */
    private static String jsonText(Object value) {
        if (value instanceof Enum<?> e) {
            return org.ringlab.config.ConfigEnum.keyOf(e);
        }
        return value.toString();
    }
}
