package org.ringlab.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ringlab.io.RegularFile;

/**
 * Reads and writes {@link RunConfig} as JSON with the CLI's kebab-case keys
 * ({@code {"ring-size": 8, "model": "lenet"}}). A file may give any subset of the keys; the rest
 * keep their defaults. {@link #toJson} writes every key in a fixed order so a run's config.json
 * is complete and diffs cleanly. The keys, their types and defaults are the {@link Settings}.
 *
 * <p>Reading is strict: unknown keys, values of the wrong JSON type (a string where a number
 * belongs, 8.5 for an integer) and unknown enum values are errors rather than silent
 * coercions, all reported together in one {@link InvalidConfigException}.
 *
 * <p>Input is bounded before it is parsed: a file must be a regular file of at most {@link
 * #MAX_FILE_BYTES}, an object of at most {@link #MAX_KEYS} keys, and a message lists at most
 * {@link #UNKNOWN_KEYS_SHOWN} unknown keys.
 */
public final class RunConfigJson {

    /** Largest configuration read, file or text (1 MiB); a complete config.json is about 2 KB. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** Most keys in a configuration object: several times the number of valid keys. */
    static final int MAX_KEYS = 500;
    /** Unknown keys named in a message; the rest are counted. */
    static final int UNKNOWN_KEYS_SHOWN = 5;

    private static final PropertyNamingStrategies.NamingBase NAMING =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.KEBAB_CASE;

    private static final ObjectMapper MAPPER = createMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    /** Jackson's location suffix inside messages, e.g. "[Source: ...; line: 1, column: 2]". */
    private static final Pattern SOURCE_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private RunConfigJson() {
    }

    /** Every key a config file may contain, in the order {@link #toJson} writes them. */
    public static List<String> keys() {
        return Settings.keys();
    }

    /**
     * @throws InvalidConfigException when the file cannot be read or holds an invalid config;
     *     the heading names the file
     */
    public static RunConfig read(Path file) {
        String heading = "Invalid run configuration file " + file + ":";
        String kind = RegularFile.problem(file);
        if ("does not exist".equals(kind)) {
            throw new InvalidConfigException(heading, List.of("the file does not exist"));
        }
        if (kind != null) {
            // a folder fails to read, but a named pipe would block and /dev/zero never end
            throw new InvalidConfigException(heading, List.of("the path " + kind));
        }
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidConfigException(heading, List.of("the file is " + size
                        + " bytes; a configuration file may have at most " + MAX_FILE_BYTES));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(heading, List.of("the file does not exist"));
        } catch (IOException e) {
            throw new InvalidConfigException(heading, List.of("cannot read the file: " + e));
        }
        return parse(text, heading);
    }

    /** @throws InvalidConfigException when the text is not a valid config */
    public static RunConfig fromJson(String json) {
        return parse(json, "Invalid run configuration JSON:");
    }

    /** Pretty JSON with every key, defaults included, in {@link #keys()} order. */
    public static String toJson(RunConfig config) {
        ObjectNode node = MAPPER.createObjectNode();
        for (Setting<?> setting : Settings.all()) {
            node.set(setting.key(), MAPPER.valueToTree(jsonValue(setting.get(config))));
        }
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    public static void write(RunConfig config, Path file) throws IOException {
        Files.writeString(file, toJson(config), StandardCharsets.UTF_8);
    }

    private static RunConfig parse(String json, String heading) {
        if (json.length() > MAX_FILE_BYTES) {
            throw new InvalidConfigException(heading, List.of("the JSON is " + json.length()
                    + " characters; a configuration may have at most " + MAX_FILE_BYTES));
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(heading, List.of(malformed(e)));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidConfigException(heading,
                    List.of("no JSON found; expected an object such as {\"model\": \"lenet\"}"));
        }
        if (!tree.isObject()) {
            throw new InvalidConfigException(heading, List.of("expected a JSON object such as "
                    + "{\"model\": \"lenet\"}, got " + article(tree.getNodeType().name())));
        }
        if (tree.size() > MAX_KEYS) {
            throw new InvalidConfigException(heading, List.of("the object has " + tree.size()
                    + " keys; a configuration has at most " + MAX_KEYS + " (there are " + Settings.all().size()
                    + " valid keys)"));
        }
        List<String> problems = new ArrayList<>();
        RunConfig.Builder builder = RunConfig.builder();
        int unknown = 0;
        // Each key is bound on its own, so one file reports all its bad values at once.
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            Setting<?> setting = Settings.byKey(key);
            if (setting == null) {
                if (++unknown <= UNKNOWN_KEYS_SHOWN) {
                    problems.add(unknownKey(key));
                }
                continue;
            }
            try {
                bind(builder, setting, field.getValue());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (unknown > UNKNOWN_KEYS_SHOWN) {
            problems.add("… and " + (unknown - UNKNOWN_KEYS_SHOWN) + " more unknown keys");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(heading, problems);
        }
        return builder.build();
    }

    /**
     * Sets one key from its JSON value. Strict: "8" and 8.5 are not integers, 1 is not true, 5 is
     * not a string (a lenient reader would hide typos in a config file); integers are numbers.
     *
     * @throws IllegalArgumentException with the problem line
     */
    private static <T> void bind(RunConfig.Builder builder, Setting<T> setting, JsonNode value) {
        if (value.isNull()) {
            if (!setting.isNullable()) {
                throw badValue(setting, value, false);
            }
            builder.set(setting, null);
            return;
        }
        Class<T> type = setting.type();
        Object bound;
        if (type == Integer.class || type == Long.class) {
            if (!value.isIntegralNumber()) {
                throw badValue(setting, value, false);
            }
            boolean fits = type == Integer.class ? value.canConvertToInt() : value.canConvertToLong();
            if (!fits) {
                throw badValue(setting, value, true);
            }
            bound = type == Integer.class ? (Object) value.intValue() : (Object) value.longValue();
        } else if (type == Double.class) {
            if (!value.isNumber()) {
                throw badValue(setting, value, false);
            }
            bound = value.doubleValue();
        } else if (type == Boolean.class) {
            if (!value.isBoolean()) {
                throw badValue(setting, value, false);
            }
            bound = value.booleanValue();
        } else if (value.isTextual()) {
            // our parsers (enums, schedule) name the key, the text and the valid values
            bound = type == String.class ? value.textValue() : setting.parse(value.textValue());
        } else {
            throw badValue(setting, value, false);
        }
        builder.set(setting, type.cast(bound));
    }

    private static String malformed(JsonProcessingException e) {
        String detail = e.getOriginalMessage().replace('\n', ' ');
        detail = SOURCE_LOCATION.matcher(detail).replaceAll("line $1, column $2");
        // Jackson's wording for these two talks about its own internals
        if (detail.startsWith("Duplicate field ")) {
            detail = "duplicate key " + detail.substring("Duplicate field ".length());
        } else if (detail.startsWith("Trailing token")) {
            detail = "more content after the closing }";
        }
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return "malformed JSON: " + detail;
        }
        return "malformed JSON at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ": " + detail;
    }

    private static String unknownKey(String key) {
        String suggestion = closestKey(key);
        return "unknown key '" + shortKey(key) + "'"
                + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                + "; valid keys: " + String.join(", ", Settings.keys());
    }

    /** A key as shown in a message: keys may be as long as the file. */
    private static String shortKey(String key) {
        return key.length() <= 60 ? key : key.substring(0, 57) + "...";
    }

    /** The valid key a typo most likely meant: same words in another case style, or 2 edits away. */
    private static String closestKey(String key) {
        if (key.length() > 60) {
            return null; // no valid key is near, and the edit distance would cost length x keys
        }
        String normalized = NAMING.translate(key.trim()).replace('_', '-').toLowerCase(Locale.ROOT);
        if (Settings.byKey(normalized) != null) {
            return normalized;
        }
        String best = null;
        int bestDistance = 3;
        for (String candidate : Settings.keys()) {
            int distance = editDistance(normalized, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static IllegalArgumentException badValue(Setting<?> setting, JsonNode value, boolean outOfRange) {
        return new IllegalArgumentException(setting.key() + ": expected " + expectedValue(setting) + ", got "
                + shortText(value) + (outOfRange ? " (out of range)" : ""));
    }

    private static String expectedValue(Setting<?> setting) {
        Class<?> type = setting.type();
        String expected;
        if (type == Integer.class || type == Long.class) {
            expected = "an integer";
        } else if (type == Double.class) {
            expected = "a number";
        } else if (type == Boolean.class) {
            expected = "true or false";
        } else if (type == String.class) {
            expected = "a string";
        } else if (type == ScheduleSpec.class) {
            expected = "a schedule: constant, cosine or multistep:M1,M2,...:GAMMA";
        } else if (type.isEnum()) {
            expected = "one of " + ConfigEnum.validKeys(type);
        } else {
            throw new IllegalStateException("no description for " + type);
        }
        return setting.isNullable() ? expected + " (or null for the default)" : expected;
    }

    private static String shortText(JsonNode value) {
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String article(String nodeType) {
        String noun = nodeType.toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** A value as config.json holds it: enums by their key, a schedule as its text. */
    private static Object jsonValue(Object value) {
        if (value instanceof Enum<?> e) {
            return ConfigEnum.keyOf(e);
        }
        if (value instanceof ScheduleSpec schedule) {
            return schedule.toString();
        }
        return value;
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        // {"ring-size": 8} rather than Jackson's default {"ring-size" : 8}
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        // "\n" everywhere, so a config.json written on Windows diffs cleanly against Linux ones
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        return printer;
    }

    private static ObjectMapper createMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}
