package org.ringlab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.train.RunRecorder;

class RunDataTest {
    @TempDir
    Path tmp;

    @Test
    void readsConfigMetricsAndSnapshots() throws IOException {
        RunData run = RunData.read(TinyRuns.write(tmp.resolve("a"), 7, 90, 95));
        assertEquals(7, run.config().seed());
        assertEquals(2, run.epochs().size());
        assertEquals(95.0, run.epochs().get(1).testAccSoft(), 1e-9);
        assertEquals(2, run.snapshots().size());
        assertEquals("fc1", run.snapshots().get(1).layers().get(1).layer());
        assertTrue(Double.isNaN(run.snapshots().get(0).layers().get(0).slotChangeRate()), "NaN is written as a string");
        // no name in config.json: the method and bits, never the folder ("a")
        assertEquals("Ring-8 (2 bit)", run.label());
        assertEquals(2 * TinyRuns.STEPS_PER_EPOCH, run.steps().size());
    }

    @Test
    void emptySnappedCellsAreNaN() throws IOException {
        Path dir = TinyRuns.write(tmp.resolve("fp32"), 1, 90);
        Files.write(dir.resolve(RunRecorder.METRICS), List.of(TinyRuns.HEADER, "1,10,0.5,80,90,,,0.1,100,1,1"));
        RunData run = RunData.read(dir);
        assertTrue(Double.isNaN(run.epochs().get(0).testAccSnapped()));
    }

    @Test
    void aMissingMetricsFileIsNamed() throws IOException {
        Path dir = TinyRuns.write(tmp.resolve("r"), 1, 90);
        Files.delete(dir.resolve(RunRecorder.METRICS));
        IOException e = assertThrows(IOException.class, () -> RunData.read(dir));
        assertTrue(e.getMessage().contains("metrics.csv") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void aMalformedMetricsLineIsNamedWithItsLineNumber() throws IOException {
        Path dir = TinyRuns.write(tmp.resolve("r"), 1, 90);
        Files.write(dir.resolve(RunRecorder.METRICS),
                List.of(TinyRuns.HEADER, "1,10,0.5,80,90,70,85,0.1,100,1,1", "2,20,oops,80,90,70,85,0.1,100,1,2"));
        IOException e = assertThrows(IOException.class, () -> RunData.read(dir));
        assertTrue(e.getMessage().contains("metrics.csv line 3") && e.getMessage().contains("train_loss 'oops'"),
                e.getMessage());
    }

    @Test
    void aShortMetricsLineIsRefused() throws IOException {
        Path dir = TinyRuns.write(tmp.resolve("r"), 1, 90);
        Files.write(dir.resolve(RunRecorder.METRICS), List.of(TinyRuns.HEADER, "1,10,0.5"));
        IOException e = assertThrows(IOException.class, () -> RunData.read(dir));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("3 cells"), e.getMessage());
    }

    @Test
    void aMalformedSnapshotIsNamedWithItsLineNumber() throws IOException {
        Path dir = TinyRuns.write(tmp.resolve("r"), 1, 90);
        Files.writeString(dir.resolve(RunRecorder.SNAPSHOTS),
                Files.readString(dir.resolve(RunRecorder.SNAPSHOTS)) + "{\"step\": [\n");
        IOException e = assertThrows(IOException.class, () -> RunData.read(dir));
        assertTrue(e.getMessage().contains("snapshots.jsonl line 3"), e.getMessage());
    }

    @Test
    void aMissingConfigIsNamed() throws IOException {
        Path dir = TinyRuns.write(tmp.resolve("r"), 1, 90);
        Files.delete(dir.resolve(RunRecorder.CONFIG));
        IOException e = assertThrows(IOException.class, () -> RunData.read(dir));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }
}
