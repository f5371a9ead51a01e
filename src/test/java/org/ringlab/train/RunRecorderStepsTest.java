package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** steps.csv: one row per step for per-step figures, kept continuous across a resume. */
class RunRecorderStepsTest {
    @TempDir
    Path dir;

    private static EpochMetrics epoch(int e, int step) {
        return new EpochMetrics(e, step, 0.5, 80, 90, 85, 88, 0.001, 1000, 1, e);
    }

    @Test
    void everyStepIsARowAndAResumeDropsStepsAfterTheCheckpoint() throws IOException {
        try (RunRecorder recorder = new RunRecorder(dir)) {
            for (int s = 1; s <= 6; s++) {
                recorder.onStep(new StepMetrics(s, (s + 2) / 3, (s - 1) % 3 + 1, 3, 2.0 / s, 10.0 * s, 0.001));
                if (s % 3 == 0) {
                    recorder.onEpoch(epoch(s / 3, s));
                }
            }
            // a half epoch after the last checkpoint, then the process stops
            recorder.onStep(new StepMetrics(7, 3, 1, 3, 0.3, 70, 0.001));
        }
        List<String> lines = Files.readAllLines(dir.resolve(RunRecorder.STEPS));
        assertEquals(String.join(",", RunRecorder.STEP_COLUMNS), lines.get(0));
        assertEquals(8, lines.size());
        assertEquals("2,1,2,3,1.00000,20.0000,0.00100000", lines.get(2));

        try (RunRecorder resumed = RunRecorder.resuming(dir, 2, 6)) {
            resumed.onStep(new StepMetrics(7, 3, 1, 3, 0.25, 75, 0.001));
            resumed.onEpoch(epoch(3, 9));
        }
        lines = Files.readAllLines(dir.resolve(RunRecorder.STEPS));
        assertEquals(8, lines.size(), lines.toString());
        assertEquals("7,3,1,3,0.250000,75.0000,0.00100000", lines.get(7));
    }
}
