package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.train.RunRecorder;

/** {@code ringlab train} end to end on a tiny MNIST subset (one ring-quantized MLP epoch), then {@code eval}. */
class TrainCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path run;
    private static Cli.Result train;

    @BeforeAll
    static void trainOnce() {
        run = tmp.resolve("run");
        train = Cli.run(Cli.tinyTrain(run));
    }

    @Test
    void exportModelWritesAPackedFileAndReportsItsSize() {
        Cli.Result r = Cli.run("export-model", "--run", run.toString(), "--out", tmp.resolve("m.rqm").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("fc1") && r.out().contains("4 levels  2 bits"), r.out());
        assertTrue(r.out().contains("smaller"), r.out());
        assertTrue(java.nio.file.Files.isRegularFile(tmp.resolve("m.rqm")));
        String refused = Cli.run("export-model", "--run", tmp.toString()).assertUsageError();
        assertTrue(refused.contains("config.json"), refused);
    }

    @Test
    void exitsZeroAndPrintsOneEpochLine() {
        assertEquals(0, train.code(), train.err());
        List<String> epochLines = train.out().lines().filter(l -> l.startsWith("epoch ")).toList();
        assertEquals(1, epochLines.size(), train.out());
        assertTrue(epochLines.get(0).startsWith("epoch 1/1 "), epochLines.get(0));
    }

    @Test
    void configJsonReadsBackAsTheConfigAsked() {
        RunConfig asked = RunConfig.builder().data(Cli.SAMPLE_DATA.toString()).model(ModelKind.MLP).limitTrain(512)
                .limitTest(256).epochs(1).threads(1).bnRecalBatches(2).out(run.toString()).build();
        assertEquals(asked, RunConfigJson.read(run.resolve(RunRecorder.CONFIG)));
    }

    @Test
    void metricsCsvHasTheColumnsAndOneRowForTheEpoch() throws IOException {
        RunFiles.Metrics m = RunFiles.metrics(run);
        assertTrue(m.header().containsAll(List.of("epoch", "train_loss", "train_acc", "test_acc_soft",
                "test_acc_snapped", "test_acc_snapped_bn", "lr", "images_per_s", "seconds")), m.header().toString());
        assertEquals(1, m.rows().size());
        CSVRecord row = m.rows().get(0);
        assertEquals("1", row.get("epoch"));
        for (String column : List.of("test_acc_soft", "test_acc_snapped", "test_acc_snapped_bn")) {
            double accuracy = Double.parseDouble(row.get(column));
            assertTrue(accuracy >= 0 && accuracy <= 100, column + " " + accuracy);
        }
        assertEquals(1e-3, Double.parseDouble(row.get("lr")), 1e-9);
    }

    @Test
    void snapshotHistogramsCountEveryPositionOfTheLayer() throws IOException {
        List<String> lines = Files.readAllLines(run.resolve(RunRecorder.SNAPSHOTS)).stream()
                .filter(l -> !l.isBlank()).toList();
        assertFalse(lines.isEmpty(), "no snapshot");
        for (String line : lines) {
            JsonNode layers = JSON.readTree(line).get("layers");
            assertTrue(layers.isArray() && !layers.isEmpty(), line);
            for (JsonNode layer : layers) {
                assertEquals(8, layer.get("ringSize").asInt());
                int bins = layer.get("ringSize").asInt() * layer.get("subBins").asInt();
                JsonNode histogram = layer.get("histogram");
                assertEquals(bins, histogram.size(), "bins of " + layer.get("layer"));
                long sum = 0;
                for (JsonNode count : histogram) {
                    sum += count.asLong();
                }
                assertTrue(layer.get("positions").asLong() > 0);
                assertEquals(layer.get("positions").asLong(), sum, "histogram total of " + layer.get("layer"));
            }
        }
    }

    @Test
    void writesACheckpoint() throws IOException {
        Path checkpoint = run.resolve(RunRecorder.CHECKPOINT);
        assertTrue(Files.isRegularFile(checkpoint));
        assertTrue(Files.size(checkpoint) > 0);
    }

    @Test
    void runJsonSaysFinished() throws IOException {
        assertEquals("finished", JSON.readTree(run.resolve(RunRecorder.RUN_INFO).toFile()).get("status").asText());
    }

    @Test
    void evalReproducesTheLastSoftTestAccuracy() throws IOException {
        Cli.Result eval = Cli.run("eval", "--run", run.toString(), "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode result = JSON.readTree(eval.out());
        List<CSVRecord> rows = RunFiles.metrics(run).rows();
        double lastSoft = Double.parseDouble(rows.get(rows.size() - 1).get("test_acc_soft"));
        assertEquals(256, result.get("test_images").asInt());
        assertEquals(lastSoft, result.get("test_acc_soft").asDouble(), 0.01);
    }

    @Test
    void outPointingAtAnExistingRunIsRefused() throws IOException {
        String metricsBefore = Files.readString(run.resolve(RunRecorder.METRICS));
        String line = Cli.run(Cli.tinyTrain(run)).assertUsageError();
        assertTrue(line.contains(run.toString()) && line.contains("already"), line);
        assertEquals(metricsBefore, Files.readString(run.resolve(RunRecorder.METRICS)));
    }
}
