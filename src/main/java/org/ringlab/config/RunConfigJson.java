package org.ringlab.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ringlab.io.RegularFile;

/**
 * Reads and writes {@link RunConfig} as JSON with the CLI's kebab-case keys
 * ({@code {"ring-size": 8, "model": "lenet"}}). A file may give any subset of the keys; the rest
 * keep their defaults. {@link #toJson} writes every key in a fixed order so a run's config.json
 * is complete and diffs cleanly.
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

    /** Key to component, in record order, which is also the written order. */
    private static final Map<String, RecordComponent> COMPONENTS = componentsByKey();

    private static final ObjectMapper MAPPER = createMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    /** Jackson's location suffix inside messages, e.g. "[Source: ...; line: 1, column: 2]". */
    private static final Pattern SOURCE_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private RunConfigJson() {
    }

    /** Every key a config file may contain, in the order {@link #toJson} writes them. */
    public static List<String> keys() {
        return List.copyOf(COMPONENTS.keySet());
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
        for (Map.Entry<String, RecordComponent> entry : COMPONENTS.entrySet()) {
            node.set(entry.getKey(), MAPPER.valueToTree(valueOf(entry.getValue(), config)));
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
                    + " keys; a configuration has at most " + MAX_KEYS + " (there are " + COMPONENTS.size()
                    + " valid keys)"));
        }
        List<String> problems = new ArrayList<>();
        int unknown = 0;
        // Binding each key on its own lets one file report all its bad values at once;
        // Jackson alone would stop at the first.
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (!COMPONENTS.containsKey(key)) {
                if (++unknown <= UNKNOWN_KEYS_SHOWN) {
                    problems.add(unknownKey(key));
                }
                continue;
            }
            ObjectNode single = MAPPER.createObjectNode().set(key, field.getValue());
            try {
                MAPPER.treeToValue(single, RunConfig.class);
            } catch (JsonProcessingException e) {
                problems.add(badValue(key, field.getValue(), e));
            }
        }
        if (unknown > UNKNOWN_KEYS_SHOWN) {
            problems.add("… and " + (unknown - UNKNOWN_KEYS_SHOWN) + " more unknown keys");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(heading, problems);
        }
        try {
            return MAPPER.treeToValue(tree, RunConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("keys that bind one by one failed together", e);
        }
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
                + "; valid keys: " + String.join(", ", COMPONENTS.keySet());
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
        if (COMPONENTS.containsKey(normalized)) {
            return normalized;
        }
        String best = null;
        int bestDistance = 3;
        for (String candidate : COMPONENTS.keySet()) {
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

    private static String badValue(String key, JsonNode value, JsonProcessingException e) {
        // Our own parsers (enums, schedule) throw IllegalArgumentException with a complete message.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        String problem = key + ": expected " + expectedValue(key) + ", got " + shortText(value);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputCoercionException) {
                return problem + " (out of range)";
            }
        }
        return problem;
    }

    private static String expectedValue(String key) {
        RecordComponent component = COMPONENTS.get(key);
        Class<?> type = component.getType();
        String expected;
        if (type == int.class || type == Integer.class || type == long.class) {
            expected = "an integer";
        } else if (type == double.class || type == Double.class) {
            expected = "a number";
        } else if (type == boolean.class || type == Boolean.class) {
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
        boolean nullable = valueOf(component, RunConfig.defaults()) == null;
        return nullable ? expected + " (or null for the default)" : expected;
    }

    private static String shortText(JsonNode value) {
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String article(String nodeType) {
        String noun = nodeType.toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static Object valueOf(RecordComponent component, RunConfig config) {
        try {
            return component.getAccessor().invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("record accessor " + component.getName(), e);
        }
    }

    private static Map<String, RecordComponent> componentsByKey() {
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent component : RunConfig.class.getRecordComponents()) {
            byKey.put(NAMING.translate(component.getName()), component);
        }
        return byKey;
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
        SimpleModule module = new SimpleModule("ringlab-config");
        module.addSerializer(ScheduleSpec.class, new ScheduleSpecSerializer());
        module.addDeserializer(ScheduleSpec.class, new ScheduleSpecDeserializer());
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config,
                    JavaType valueType, BeanDescription beanDesc, JsonSerializer<?> serializer) {
                return ConfigEnum.class.isAssignableFrom(valueType.getRawClass())
                        ? new ConfigEnumSerializer() : serializer;
            }
        });
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config,
                    JavaType type, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return ConfigEnum.class.isAssignableFrom(type.getRawClass())
                        ? new ConfigEnumDeserializer(type.getRawClass()) : deserializer;
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .addMixIn(RunConfig.class, RunConfigMixin.class)
                .addMixIn(RunConfig.Builder.class, BuilderMixin.class)
                .addModule(module)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // Strict scalars: "8" and 8.5 are not integers, 1 is not true, 5 is not a string.
        // Jackson converts all of these by default, which would hide typos in a config file.
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Boolean,
                LogicalType.Integer, LogicalType.Float)) {
            for (CoercionInputShape shape : List.of(CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean,
                    CoercionInputShape.String, CoercionInputShape.EmptyString)) {
                if (!sameShape(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        return mapper;
    }

    /** Integers stay acceptable where a floating-point number is expected. */
    private static boolean sameShape(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Textual -> shape == CoercionInputShape.String
                    || shape == CoercionInputShape.EmptyString;
            case Boolean -> false;
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            default -> false;
        };
    }

    /** Lets Jackson build {@link RunConfig} through its builder, so absent keys keep defaults. */
    @JsonDeserialize(builder = RunConfig.Builder.class)
    private abstract static class RunConfigMixin {
    }

    @JsonPOJOBuilder(withPrefix = "")
    private abstract static class BuilderMixin {
    }

    private static final class ConfigEnumSerializer extends StdScalarSerializer<Object> {
        ConfigEnumSerializer() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeString(((ConfigEnum) value).key());
        }
    }

    private static final class ConfigEnumDeserializer extends StdScalarDeserializer<Object> {
        ConfigEnumDeserializer(Class<?> type) {
            super(type);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return ConfigEnum.parse((Class) handledType(), p.currentName(), p.getText());
        }
    }

    private static final class ScheduleSpecSerializer extends StdScalarSerializer<ScheduleSpec> {
        ScheduleSpecSerializer() {
            super(ScheduleSpec.class);
        }

        @Override
        public void serialize(ScheduleSpec value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class ScheduleSpecDeserializer
            extends StdScalarDeserializer<ScheduleSpec> {
        ScheduleSpecDeserializer() {
            super(ScheduleSpec.class);
        }

        @Override
        public ScheduleSpec deserialize(JsonParser p, DeserializationContext ctxt)
                throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (ScheduleSpec) ctxt.handleUnexpectedToken(ScheduleSpec.class, p);
            }
            return ScheduleSpec.parse(p.getText());
        }
    }
}
