package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.DataSets;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoredTraining;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/** {@code train --workspace}, {@code runs} and {@code resume}. */
class StoreCommandsTest {

    @Test
    void trainIntoAWorkspaceListItAndResumeAStoppedRun(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        Cli.Result train = Cli.run(Cli.tinyTrain(tmp.resolve("unused"), "--workspace", ws.toString(), "--name", "tiny"));
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().startsWith("run 1 in " + ws.resolve(RunStore.DATABASE).toAbsolutePath()), train.out());
        assertTrue(train.out().contains("epoch 1/1 "), train.out());
        assertTrue(Files.isRegularFile(ws.resolve("runs/1/checkpoint.params")), "eval --run finds the parameters");
        assertTrue(Files.isRegularFile(ws.resolve("runs/1/config.json")));

        // a run stopped after its first of two epochs, as if its process had been stopped
        long stopped;
        try (RunStore store = RunStore.open(ws)) {
            RunConfig config = RunConfigJson.read(ws.resolve("runs/1/config.json")).toBuilder().epochs(2).name(null)
                    .build();
            stopped = store.createRun(config, "stopped", "cpu");
            RunControl control = new RunControl();
            TrainingListener stopAfterOne = new TrainingListener() {
                @Override
                public void onEpoch(EpochMetrics epoch) {
                    control.stop();
                }
            };
            new StoredTraining(store).train(stopped, DataSets.load(Path.of(config.data())), control, stopAfterOne);
            assertEquals(RunStatus.STOPPED, store.status(stopped));
        }

        Cli.Result runs = Cli.run("runs", "--workspace", ws.toString());
        assertEquals(0, runs.code(), runs.err());
        String[] lines = runs.out().lines().toArray(String[]::new);
        assertEquals(3, lines.length, runs.out());
        assertTrue(lines[1].matches("\\s*2\\s+stopped\\s+mlp\\s+ring\\s+stopped\\s+1/2 .*"), lines[1]);
        assertTrue(lines[2].matches("\\s*1\\s+tiny\\s+mlp\\s+ring\\s+finished\\s+1/1 .*%.*"), lines[2]);

        Cli.Result resume = Cli.run("resume", Long.toString(stopped), "--workspace", ws.toString());
        assertEquals(0, resume.code(), resume.err());
        assertTrue(resume.out().contains("resumed from resume.ckpt after epoch 1"), resume.out());
        assertTrue(resume.out().contains("epoch 2/2 ") && !resume.out().contains("epoch 1/2 "), resume.out());

        String finished = Cli.run("resume", "1", "--workspace", ws.toString()).assertUsageError();
        assertTrue(finished.contains("run 1 is already finished"), finished);
        String unknown = Cli.run("resume", "9", "--workspace", ws.toString()).assertUsageError();
        assertTrue(unknown.contains("no run 9"), unknown);
    }

    @Test
    void aWorkspaceThatIsAFileIsOneClearLine(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("ws");
        Files.writeString(file, "x");
        String line = Cli.run("runs", "--workspace", file.toString()).assertUsageError();
        assertTrue(line.contains(file.toString()) && line.contains("not a folder"), line);
        Files.delete(file);
        Files.createDirectories(file);
        Files.write(file.resolve(RunStore.DATABASE), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5, 6, 7, 8, 9,
            10, 11, 12, 13});
        String png = Cli.run("runs", "--workspace", file.toString()).assertUsageError();
        System.out.println(line + "\n" + png);
        assertTrue(png.contains("is not an SQLite database (it is a PNG image)"), png);
    }
}
