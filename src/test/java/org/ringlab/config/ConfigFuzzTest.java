package org.ringlab.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ringlab.io.ByteMutation;
import org.ringlab.io.FuzzFolder;
import org.ringlab.io.ReaderOutcome;

/**
 * Property-based fuzzing of the run configuration reader from complete configurations as
 * {@link RunConfigJson#toJson} writes them (config.json of a run): whatever the bytes, reading gives
 * a configuration or an {@link InvalidConfigException} whose lines are printable and short, never
 * another exception, an Error or a hang.
 */
class ConfigFuzzTest {
    private static final Path DIR = FuzzFolder.create("ringlab-config-fuzz");
    private static final List<byte[]> SEEDS = List.of(
            RunConfigJson.toJson(RunConfig.defaults()).getBytes(StandardCharsets.UTF_8),
            RunConfigJson.toJson(RunConfig.defaults().toBuilder().model(ModelKind.RESNET20).method(Method.LSQ)
                    .ringSize(8).build()).getBytes(StandardCharsets.UTF_8),
            "{\"model\": \"lenet\", \"lr\": 0.01, \"schedule\": \"multistep:30,60:0.1\"}".getBytes(StandardCharsets.UTF_8));

    @AfterContainer
    static void removeFiles() throws IOException {
        FuzzFolder.delete(DIR);
    }

    @Provide
    Arbitrary<List<ByteMutation>> mutations() {
        return ByteMutation.lists(8);
    }

    @Provide
    Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, SEEDS.size() - 1);
    }

    @Property
    void mutatedConfigFiles(@ForAll("seeds") int seed, @ForAll("mutations") List<ByteMutation> mutations)
            throws IOException {
        Path file = Files.write(DIR.resolve("config.json"), ByteMutation.applyAll(SEEDS.get(seed), mutations));
        check(() -> RunConfigJson.read(file));
    }

    /** Text-level edits: JSON-significant characters put anywhere. */
    @Property
    void mutatedConfigText(@ForAll("seeds") int seed, @ForAll("edits") List<String> edits,
            @ForAll("positions") List<Double> where) {
        StringBuilder json = new StringBuilder(new String(SEEDS.get(seed), StandardCharsets.UTF_8));
        for (int i = 0; i < Math.min(edits.size(), where.size()); i++) {
            json.insert((int) (where.get(i) * json.length()), edits.get(i));
        }
        check(() -> RunConfigJson.fromJson(json.toString()));
    }

    @Provide
    Arbitrary<List<String>> edits() {
        return Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\n", "null", "true", "-1",
                "1e400", "9223372036854775808", "0.5", "\"x\": 1,", "\"model\": 7,", "\u001b[31m", "\"lr\":")
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Double>> positions() {
        return Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(6);
    }

    private static void check(java.util.concurrent.Callable<RunConfig> read) {
        ReaderOutcome.check(() -> {
            try {
                return read.call();
            } catch (InvalidConfigException e) {
                // several problems are several lines by design; each must be one printable line
                for (String problem : e.problems()) {
                    ReaderOutcome.assertOneLine(problem);
                }
                return null;
            }
        }, InvalidConfigException.class);
    }
}
