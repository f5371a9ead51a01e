package org.ringlab.config;

import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunConfigJsonTest {

    private static final List<String> ALL_KEYS = List.of(
            "data", "image-size", "model", "method", "ring-type", "ring-size", "ring-mode", "sigma", "batch-norm",
            "ring-bias", "quantize-first", "quantize-last", "init-from", "bits", "twn-variant", "ttq-threshold", "bitnet-rmsnorm",
            "bitnet-warmup", "bitnet-layerwise", "tequila-lambda", "tequila-group", "anneal-sigma", "pow2-slope",
            "slq-stages", "mlq-groups", "admm-set", "admm-rho", "admm-every", "stq-eta", "hla-gamma", "hla-stage1",
            "act-bits", "act-quantizer", "act-first-bits", "act-last-bits", "act-pact-alpha",
            "optimizer", "lr", "momentum", "nesterov",
            "weight-decay", "weight-decay-positions", "adam-beta1", "adam-beta2", "adam-eps",
            "epochs", "batch-size", "test-batch-size", "schedule", "warmup-epochs", "clip-norm",
            "position-bound", "seed", "augment", "snapshot-every", "snapshot-sub-bins",
            "checkpoint-every", "bn-recal-batches", "limit-train", "limit-test", "threads", "device", "out", "name");

    /** Every value differs from its default, so a dropped key cannot go unnoticed. */
    private static final RunConfig EVERYTHING_CHANGED = RunConfig.builder()
            .data("data/cifar10").model(ModelKind.RESNET32).method(Method.FP32)
            .ringType(RingType.SIN).ringSize(16).ringMode(RingMode.UNIFORM).sigma(0.75)
            .batchNorm(false).ringBias(false).quantizeFirst(false).quantizeLast(true)
            .optimizer(OptimizerKind.SGD).lr(0.1).momentum(0.8).nesterov(true)
            .weightDecay(5e-4).weightDecayPositions(false).adamBeta1(0.8).adamBeta2(0.99)
            .adamEps(1e-6).epochs(200).batchSize(64).testBatchSize(500)
            .schedule(ScheduleSpec.parse("multistep:100,150:0.1")).warmupEpochs(0.5)
            .clipNorm(0).positionBound(PositionBound.WRAP).seed(-7_000_000_000L).augment(true)
            .snapshotEvery(10).snapshotSubBins(4).checkpointEvery(5).bnRecalBatches(0).limitTrain(1000)
            .limitTest(200).threads(2).device(DeviceKind.CPU).out("runs/x").name("a \"quoted\" name")
            .build();

    @Test
    void keysAreTheKebabCaseComponentNamesInOrder() {
        assertEquals(ALL_KEYS, RunConfigJson.keys());
    }

    @Test
    void defaultsRoundTrip() {
        RunConfig defaults = RunConfig.defaults();
        assertEquals(defaults, RunConfigJson.fromJson(RunConfigJson.toJson(defaults)));
    }

    @Test
    void everyKeyRoundTrips() {
        assertEquals(EVERYTHING_CHANGED,
                RunConfigJson.fromJson(RunConfigJson.toJson(EVERYTHING_CHANGED)));
    }

    @Test
    void writesEveryKeyInStableOrderIncludingDefaultsAndNulls() throws IOException {
        JsonNode tree = new ObjectMapper().readTree(RunConfigJson.toJson(RunConfig.defaults()));
        List<String> written = new ArrayList<>();
        tree.fieldNames().forEachRemaining(written::add);
        assertEquals(ALL_KEYS, written);
        assertTrue(tree.get("sigma").isNull());
        assertEquals("lenet", tree.get("model").asText());
        assertEquals("constant", tree.get("schedule").asText());
        assertEquals(8, tree.get("ring-size").intValue());
    }

    @Test
    void writesEnumsAndScheduleAsTheirCliText() {
        String json = RunConfigJson.toJson(EVERYTHING_CHANGED);
        assertTrue(json.contains("\"model\": \"resnet32\""), json);
        assertTrue(json.contains("\"position-bound\": \"wrap\""), json);
        assertTrue(json.contains("\"schedule\": \"multistep:100,150:0.1\""), json);
        assertTrue(json.startsWith("{\n  \"data\": \"data/cifar10\",\n"), json);
        assertTrue(json.endsWith("\"name\": \"a \\\"quoted\\\" name\"\n}\n"), json);
    }

    @Test
    void partialJsonKeepsDefaultsForTheRest() {
        RunConfig config = RunConfigJson.fromJson("{\"ring-size\": 16, \"model\": \"resnet20\"}");
        assertEquals(RunConfig.builder().ringSize(16).model(ModelKind.RESNET20).build(), config);
        assertEquals(RunConfig.defaults(), RunConfigJson.fromJson("{}"));
    }

    @Test
    void acceptsCaseInsensitiveEnumsIntegersForNumbersAndExplicitNulls() {
        RunConfig config = RunConfigJson.fromJson("""
                {"optimizer": "SGD", "lr": 1, "sigma": null, "ring-bias": null,
                 "schedule": "Cosine", "out": null}""");
        assertEquals(RunConfig.builder().optimizer(OptimizerKind.SGD).lr(1.0)
                .schedule(ScheduleSpec.COSINE).build(), config);
    }

    @Test
    void readsWhatItWrote(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("config.json");
        RunConfigJson.write(EVERYTHING_CHANGED, file);
        assertEquals(EVERYTHING_CHANGED, RunConfigJson.read(file));
    }

    @Test
    void missingFileNamesTheFile(@TempDir Path tmp) {
        Path file = tmp.resolve("nope.json");
        InvalidConfigException e =
                assertThrows(InvalidConfigException.class, () -> RunConfigJson.read(file));
        assertEquals("Invalid run configuration file " + file + ":\n  the file does not exist",
                e.getMessage());
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("c.json"), "{\"ring-size\": \"eight\"}");
        InvalidConfigException e =
                assertThrows(InvalidConfigException.class, () -> RunConfigJson.read(file));
        assertEquals("Invalid run configuration file " + file + ":\n"
                + "  ring-size: expected an integer, got \"eight\"", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"ring-size\": \"eight\"}       | ring-size: expected an integer, got \"eight\"",
        "{\"ring-size\": 8.5}             | ring-size: expected an integer, got 8.5",
        "{\"epochs\": 10000000000}        | epochs: expected an integer, got 10000000000 (out of range)",
        "{\"seed\": 1.5}                  | seed: expected an integer, got 1.5",
        "{\"threads\": true}               | threads: expected an integer, got true",
        "{\"clip-norm\": false}            | clip-norm: expected a number, got false",
        "{\"lr\": \"0.1\"}                | lr: expected a number, got \"0.1\"",
        "{\"lr\": null}                   | lr: expected a number, got null",
        "{\"sigma\": \"x\"}               | sigma: expected a number (or null for the default), got \"x\"",
        "{\"batch-norm\": 1}              | batch-norm: expected true or false, got 1",
        "{\"ring-bias\": \"true\"}        | ring-bias: expected true or false (or null for the default), got \"true\"",
        "{\"data\": 5}                    | data: expected a string, got 5",
        "{\"data\": null}                 | data: expected a string, got null",
        "{\"name\": [1, 2]}               | name: expected a string (or null for the default), got [1,2]",
        "{\"model\": 3}                   | model: expected one of lenet, mlp, resnet20, resnet32, resnet44, got 3",
        "{\"device\": null}               | device: expected one of auto, cpu, gpu, got null",
        "{\"model\": \"lenet5\"}          | model 'lenet5': must be one of lenet, mlp, resnet20, resnet32, resnet44",
        "{\"ring-type\": \"square\"}      | ring-type 'square': must be one of triangle, sin",
        "{\"schedule\": 5}                | schedule: expected a schedule: constant, cosine or multistep:M1,M2,...:GAMMA, got 5",
        "{\"schedule\": \"multistep:100,50:0.1\"} | schedule 'multistep:100,50:0.1': milestones must increase",
    })
    void wrongValueSaysWhatWasExpected(String json, String problem) {
        InvalidConfigException e =
                assertThrows(InvalidConfigException.class, () -> RunConfigJson.fromJson(json));
        assertEquals(List.of(problem), e.problems());
        assertEquals("Invalid run configuration JSON:\n  " + problem, e.getMessage());
    }

    @Test
    void unknownKeyIsNamedWithASuggestionAndTheValidKeys() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> RunConfigJson.fromJson("{\"ring_size\": 8}"));
        assertEquals(List.of("unknown key 'ring_size' (did you mean 'ring-size'?); valid keys: "
                + String.join(", ", ALL_KEYS)), e.problems());
    }

    @Test
    void suggestionsCoverCamelCaseAndTypos() {
        assertTrue(problemsOf("{\"batchSize\": 8}").get(0)
                .startsWith("unknown key 'batchSize' (did you mean 'batch-size'?)"));
        assertTrue(problemsOf("{\"epoch\": 8}").get(0)
                .startsWith("unknown key 'epoch' (did you mean 'epochs'?)"));
        assertTrue(problemsOf("{\"colour\": 8}").get(0)
                .startsWith("unknown key 'colour'; valid keys: data, image-size, model,"));
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> RunConfigJson.fromJson("{\n  \"model\": \"lenet\",\n}"));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("malformed JSON at line 3, column 1: "),
                e.getMessage());
    }

    @Test
    void duplicateKeysAreMalformed() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> RunConfigJson.fromJson("{\"lr\": 0.1,\n \"lr\": 0.2}"));
        assertEquals(List.of("malformed JSON at line 2, column 6: duplicate key 'lr'"),
                e.problems());
    }

    @Test
    void contentAfterTheObjectIsMalformed() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> RunConfigJson.fromJson("{} {}"));
        assertEquals(List.of("malformed JSON at line 1, column 4: more content after the closing }"),
                e.problems());
    }

    @Test
    void unterminatedObjectReportsWhereItStarted() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> RunConfigJson.fromJson("{\"model\": \"lenet\""));
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("malformed JSON at line 1, column 18: Unexpected end-of-input"),
                problem);
        assertTrue(problem.contains("start marker at line 1, column 1"), problem);
        assertTrue(!problem.contains("Source"), problem);
    }

    @Test
    void rootMustBeAnObject() {
        assertEquals(List.of("expected a JSON object such as {\"model\": \"lenet\"}, got an array"),
                problemsOf("[1, 2]"));
        assertEquals(List.of("no JSON found; expected an object such as {\"model\": \"lenet\"}"),
                problemsOf("  "));
    }

    @Test
    void allBadKeysAreReportedTogether() {
        List<String> problems = problemsOf("""
                {"ring-size": "eight", "lr": "0.1", "colour": "red", "model": "lenet5"}""");
        assertEquals(4, problems.size(), problems.toString());
        assertEquals("ring-size: expected an integer, got \"eight\"", problems.get(0));
        assertEquals("lr: expected a number, got \"0.1\"", problems.get(1));
        assertTrue(problems.get(2).startsWith("unknown key 'colour'"), problems.get(2));
        assertTrue(problems.get(3).startsWith("model 'lenet5': must be one of"), problems.get(3));
    }

    @Test
    void readingDoesNotValidateValues() {
        // range rules belong to ConfigValidator, which reports them together with data checks
        RunConfig config = RunConfigJson.fromJson("{\"ring-size\": 1}");
        assertEquals(List.of("ring-size 1: a ring needs 2..64 slots"), config.validate(null));
    }

    private static List<String> problemsOf(String json) {
        return assertThrows(InvalidConfigException.class, () -> RunConfigJson.fromJson(json))
                .problems();
    }
}
