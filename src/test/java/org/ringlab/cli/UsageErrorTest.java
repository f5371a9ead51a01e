package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad flags, files and configurations: exit code 2 and one line on stderr naming the problem
 * (picocli may add its "Try ... --help" hint), never a stack trace, and nothing trained.
 */
class UsageErrorTest {

    @TempDir
    Path tmp;

    private static void assertMentions(String line, String... parts) {
        for (String part : parts) {
            assertTrue(line.contains(part), () -> "'" + part + "' not in: " + line);
        }
    }

    private Path runDir() {
        return tmp.resolve("run");
    }

    private void assertNoRunDirectory() {
        assertFalse(Files.exists(runDir()), "a refused train call created its run directory");
    }

    @Test
    void ringSizeOneIsRefused() {
        assertMentions(Cli.run("ring", "--size", "1").assertUsageError(), "size 1");
    }

    @Test
    void unknownRingTypeIsRefused() {
        assertMentions(Cli.run("ring", "--type", "square").assertUsageError(), "square");
    }

    @Test
    void negativeLearningRateIsRefused() {
        assertMentions(Cli.run(Cli.tinyTrain(runDir(), "--lr", "-0.1")).assertUsageError(), "lr", "-0.1");
        assertNoRunDirectory();
    }

    @Test
    void trainRingSizeOneIsRefused() {
        assertMentions(Cli.run(Cli.tinyTrain(runDir(), "--ring-size", "1")).assertUsageError(), "ring-size", "1");
        assertNoRunDirectory();
    }

    @Test
    void scheduleMilestonePastTheLastEpochIsRefused() {
        String line = Cli.run(Cli.tinyTrain(runDir(), "--schedule", "multistep:2,5:0.1", "--epochs", "3"))
                .assertUsageError();
        assertMentions(line, "schedule", "milestone 5");
        assertNoRunDirectory();
    }

    @Test
    void missingDataFolderIsRefused() {
        String[] args = Cli.tinyTrain(runDir(), "--data", "/nonexistent");
        assertMentions(Cli.run(args).assertUsageError(), "/nonexistent");
        assertNoRunDirectory();
    }

    @Test
    void nonNumericEpochsIsRefused() {
        assertMentions(Cli.run(Cli.tinyTrain(runDir(), "--epochs", "abc")).assertUsageError(), "--epochs", "abc");
        assertNoRunDirectory();
    }

    @Test
    void unknownFlagIsRefused() {
        assertMentions(Cli.run(Cli.tinyTrain(runDir(), "--bogus-flag")).assertUsageError(), "--bogus-flag");
        assertNoRunDirectory();
    }

    @Test
    void everyViolationOfOneCallIsReportedInTheOneLine() {
        String line = Cli.run(Cli.tinyTrain(runDir(), "--lr", "-0.1", "--ring-size", "1", "--batch-size", "0"))
                .assertUsageError();
        assertMentions(line, "lr -0.1", "ring-size 1", "batch-size 0");
        assertNoRunDirectory();
    }

    @Test
    void malformedConfigFileIsRefused() throws IOException {
        Path config = Files.writeString(tmp.resolve("broken.json"), "{\"model\": \"mlp\",\n");
        String line = Cli.run(Cli.tinyTrain(runDir(), "--config", config.toString())).assertUsageError();
        assertMentions(line, "broken.json", "malformed JSON");
        assertNoRunDirectory();
    }

    @Test
    void configFileWithUnknownKeyIsRefused() throws IOException {
        Path config = Files.writeString(tmp.resolve("typo.json"), "{\"model\": \"mlp\", \"lernrate\": 0.1}\n");
        String line = Cli.run(Cli.tinyTrain(runDir(), "--config", config.toString())).assertUsageError();
        assertMentions(line, "typo.json", "unknown key 'lernrate'");
        assertNoRunDirectory();
    }

    @Test
    void configFileWithSeveralProblemsReportsThemAllInOneLine() throws IOException {
        Path config = Files.writeString(tmp.resolve("two.json"), "{\"lr\": \"fast\", \"lernrate\": 0.1}\n");
        String line = Cli.run(Cli.tinyTrain(runDir(), "--config", config.toString())).assertUsageError();
        assertMentions(line, "two.json", "lr: expected a number", "unknown key 'lernrate'");
        assertNoRunDirectory();
    }

    @Test
    void missingConfigFileIsRefused() {
        String line = Cli.run(Cli.tinyTrain(runDir(), "--config", tmp.resolve("absent.json").toString()))
                .assertUsageError();
        assertMentions(line, "absent.json");
    }

    @Test
    void truncatedDataFileIsRefusedNamingTheFile() throws IOException {
        Path data = Files.createDirectory(tmp.resolve("data"));
        try (Stream<Path> files = Files.list(Cli.SAMPLE_DATA)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".gz")).toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        Path labels = data.resolve("t10k-labels-idx1-ubyte.gz");
        try (RandomAccessFile file = new RandomAccessFile(labels.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        String line = Cli.run(Cli.tinyTrain(runDir(), "--data", data.toString())).assertUsageError();
        assertMentions(line, "t10k-labels-idx1-ubyte.gz");
        assertNoRunDirectory();
    }

    @Test
    void evalOfAFolderThatIsNoRunIsRefused() {
        assertMentions(Cli.run("eval", "--run", tmp.toString()).assertUsageError(), "config.json");
    }

    @Test
    void evalOfARunWithACorruptConfigIsRefused() throws IOException {
        Path run = Files.createDirectory(runDir());
        Files.writeString(run.resolve("config.json"), "{\"model\": \"mlp\", \"ring-size\": \"eight\"}\n");
        assertMentions(Cli.run("eval", "--run", run.toString()).assertUsageError(), "config.json", "ring-size");
    }
}
