package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.service.RunHandle;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingListener;

/** A real worker JVM, launched as the workbench launches it, killed with SIGKILL mid-run. */
class WorkerProcessTest {

    @Test
    void aKilledWorkerInterruptsItsRunWithinTwoSecondsAndCanBeRestarted(@TempDir Path workspace)
            throws Exception {
        try (RemoteTrainingService service = RemoteTrainingService.launchLocal(workspace)) {
            Process first = service.workerProcess().orElseThrow();
            assertNotEquals(ProcessHandle.current().pid(), first.pid(), "a separate JVM");
            assertTrue(service.describe().location().contains("pid " + first.pid()));

            RunHandle run = service.submit(TinyRuns.endless());
            AtomicInteger lastStep = new AtomicInteger(-1);
            AtomicLong interruptedAt = new AtomicLong();
            CountDownLatch interrupted = new CountDownLatch(1);
            run.addListener(new TrainingListener() {
                @Override
                public void onStep(StepMetrics step) {
                    lastStep.set(step.step());
                }

                @Override
                public void onStatus(RunStatus status, String message) {
                    if (status == RunStatus.INTERRUPTED) {
                        interruptedAt.set(System.nanoTime());
                        interrupted.countDown();
                    }
                }
            });
            TinyRuns.waitFor(() -> lastStep.get() >= 5, "some steps");

            long killedAt = System.nanoTime();
            first.destroyForcibly();
            assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the client never noticed");
            long millis = TimeUnit.NANOSECONDS.toMillis(interruptedAt.get() - killedAt);
            assertTrue(millis < 2000, "noticed after " + millis + " ms");
            System.out.println("interrupted " + millis + " ms after the kill: " + run.statusMessage());

            assertEquals(RunStatus.INTERRUPTED, run.status());
            int step = lastStep.get();
            assertEquals("worker died (killed by signal 9) at step " + step + "; recorded history kept",
                    run.statusMessage());
            List<StepMetrics> steps = run.history().steps();
            assertEquals(step, steps.get(steps.size() - 1).step(), "history up to the last event");
            assertEquals(step, steps.size(), "every step up to it (no thinning this early)");
            assertFalse(service.workerAlive());

            service.restartWorker();
            assertTrue(service.workerAlive());
            Process second = service.workerProcess().orElseThrow();
            assertNotEquals(first.pid(), second.pid());
            assertFalse(service.describe().devices().isEmpty());
            assertEquals(RunStatus.INTERRUPTED, run.status(), "the old run stays interrupted");
            assertEquals(steps, run.history().steps(), "and keeps its history");
        }
    }

    @Test
    void aRunWhoseWorkerWasKilledMidEpochResumesAndEndsWithTheSameEpochsAndAContinuousHistory(
            @TempDir Path workspace) throws Exception {
        try (RemoteTrainingService service = RemoteTrainingService.launchLocal(workspace)) {
            // 2560 images / 128 = 20 steps an epoch
            RunHandle run = service.submit(TinyRuns.tiny().toBuilder().limitTrain(2560).epochs(3).build());
            TinyRuns.waitFor(() -> !run.history().epochs().isEmpty() && lastStep(run) >= 23, "epoch 1 and 3 steps");
            // pausing makes "mid-epoch" certain however fast the machine trains
            run.pause();
            TinyRuns.waitFor(() -> run.status() == RunStatus.PAUSED, "the pause");
            int killedAt = lastStep(run);
            assertTrue(killedAt > 20 && killedAt < 40, "mid epoch 2: " + killedAt);
            service.workerProcess().orElseThrow().destroyForcibly();
            TinyRuns.waitFor(() -> run.status() == RunStatus.INTERRUPTED, "the interruption");

            service.restartWorker();
            RunHandle resumed = service.resume(run.id());
            TinyRuns.waitFor(() -> resumed.status().isTerminal(), "the resumed run");
            assertEquals(RunStatus.FINISHED, resumed.status(), resumed.statusMessage());
            assertEquals(List.of(1, 2, 3), resumed.history().epochs().stream().map(e -> e.epoch()).toList());
            List<Integer> steps = resumed.history().steps().stream().map(StepMetrics::step).toList();
            assertEquals(60, steps.size(), "each of the 60 steps exactly once: " + steps);
            for (int i = 0; i < steps.size(); i++) {
                assertEquals(i + 1, steps.get(i));
            }
        }
    }

    private static int lastStep(RunHandle run) {
        List<StepMetrics> steps = run.history().steps();
        return steps.isEmpty() ? -1 : steps.get(steps.size() - 1).step();
    }
}
