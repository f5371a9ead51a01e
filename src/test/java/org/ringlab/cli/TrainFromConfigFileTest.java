package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.train.RunRecorder;

/** {@code train --config FILE.json} plus flags: one tiny FP32 run whose file and flags disagree on some keys. */
class TrainFromConfigFileTest {

    @TempDir
    static Path tmp;

    private static Path run;
    private static Cli.Result train;

    @BeforeAll
    static void trainOnce() throws IOException {
        run = tmp.resolve("run");
        Path file = tmp.resolve("tiny-fp32.json");
        // model and epochs are overridden by flags below; the other keys come from the file alone
        Files.writeString(file, """
                {"data": "%s", "model": "lenet", "epochs": 3, "method": "fp32", "seed": 7,
                 "limit-train": 512, "limit-test": 256, "threads": 1, "bn-recal-batches": 2}
                """.formatted(Cli.SAMPLE_DATA.toString().replace("\\", "\\\\")));
        train = Cli.run("train", "--config", file.toString(), "--model", "mlp", "--epochs", "1", "--out",
                run.toString());
    }

    private static RunConfig recorded() {
        assertEquals(0, train.code(), train.err());
        return RunConfigJson.read(run.resolve(RunRecorder.CONFIG));
    }

    @Test
    void flagsOverrideTheFileKeys() {
        RunConfig c = recorded();
        assertEquals(ModelKind.MLP, c.model());
        assertEquals(1, c.epochs());
    }

    @Test
    void fileKeysWithoutFlagsApply() {
        RunConfig c = recorded();
        assertEquals(Method.FP32, c.method());
        assertEquals(7, c.seed());
        assertEquals(512, c.limitTrain());
        assertEquals(256, c.limitTest());
    }

    @Test
    void fp32LeavesTheSnappedColumnsEmpty() throws IOException {
        assertEquals(0, train.code(), train.err());
        RunFiles.Metrics m = RunFiles.metrics(run);
        assertEquals(1, m.rows().size());
        CSVRecord row = m.rows().get(0);
        assertEquals("", row.get("test_acc_snapped"));
        assertEquals("", row.get("test_acc_snapped_bn"));
        assertFalse(row.get("test_acc_soft").isEmpty());
    }
}
