package org.ringlab.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;

class RunTableTest {
    @TempDir
    Path tmp;

    @Test
    void readsConfigStatusAndMetricsWithEmptyCellsAsNaN() throws IOException {
        RunTable table = RunTable.read(List.of(RunDirs.ring(tmp, "a", 1, 0.91), RunDirs.fp32(tmp, "b")));
        RecordedRun ring = table.runs().get(0);
        assertEquals("a", ring.name());
        assertEquals("finished", ring.status());
        assertEquals(1, ring.config().seed());
        assertEquals(RunDirs.METRICS, ring.metrics().size());
        assertEquals(2, ring.epochs().get(1).epoch());
        assertEquals(200, ring.epochs().get(1).step());
        assertEquals(0.91, ring.epochs().get(1).value("test_acc_soft"));
        RecordedRun fp32 = table.runs().get(1);
        assertEquals(Method.FP32, fp32.config().method());
        assertTrue(Double.isNaN(fp32.epochs().get(0).value("test_acc_snapped")));
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path run = RunDirs.ring(tmp, "a", 1, 0.91);
        Files.delete(run.resolve("run.json"));
        IOException e = assertThrows(IOException.class, () -> RunTable.read(List.of(run)));
        assertTrue(e.getMessage().contains(run.resolve("run.json").toString()), e.getMessage());
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path run = tmp.resolve("nowhere");
        IOException e = assertThrows(IOException.class, () -> RunTable.read(List.of(run)));
        assertTrue(e.getMessage().contains(run.toString()), e.getMessage());
    }

    @Test
    void aMalformedMetricsCellIsNamedWithItsLine() throws IOException {
        Path run = RunDirs.ring(tmp, "a", 1, 0.91);
        Files.writeString(run.resolve("metrics.csv"), RunDirs.HEADER + "1,100,0.5,0.8,zero,,,0.001,1000,10,10\n");
        IOException e = assertThrows(IOException.class, () -> RunTable.read(List.of(run)));
        assertTrue(e.getMessage().contains(run.resolve("metrics.csv") + " line 2, column test_acc_soft"),
                e.getMessage());
    }

    @Test
    void aMetricsFileWithoutEpochColumnIsRefused() throws IOException {
        Path run = RunDirs.ring(tmp, "a", 1, 0.91);
        Files.writeString(run.resolve("metrics.csv"), "step,loss\n1,0.5\n");
        IOException e = assertThrows(IOException.class, () -> RunTable.read(List.of(run)));
        assertTrue(e.getMessage().startsWith(run.resolve("metrics.csv").toString()), e.getMessage());
    }

    @Test
    void malformedJsonIsNamed() throws IOException {
        Path run = RunDirs.ring(tmp, "a", 1, 0.91);
        Files.writeString(run.resolve("run.json"), "{\"status\": ");
        IOException e = assertThrows(IOException.class, () -> RunTable.read(List.of(run)));
        assertTrue(e.getMessage().startsWith(run.resolve("run.json") + ": malformed JSON"), e.getMessage());
        Files.writeString(run.resolve("config.json"), "{\"ring-size\": \"eight\"}");
        e = assertThrows(IOException.class, () -> RunTable.read(List.of(run)));
        assertTrue(e.getMessage().contains(run.resolve("config.json").toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void twoRunsWithTheSameDirectoryNameAreRefused() throws IOException {
        Path a = RunDirs.ring(tmp.resolve("x"), "run", 1, 0.91);
        Path b = RunDirs.ring(tmp.resolve("y"), "run", 2, 0.92);
        assertThrows(IllegalArgumentException.class, () -> RunTable.read(List.of(a, b)));
    }
}
