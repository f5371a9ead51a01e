package org.ringlab.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingListener;

class InProcessTrainingServiceTest {

    private static RunConfig tiny() {
        Path data = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data");
        return RunConfig.defaults().toBuilder().data(data.toString()).model(ModelKind.MLP).limitTrain(640)
                .limitTest(200).epochs(2).snapshotEvery(2).bnRecalBatches(2).build();
    }

    @Test
    void runsAreTrainedInTurnAndRecorded(@TempDir Path workspace) throws Exception {
        try (TrainingService service = new InProcessTrainingService(workspace)) {
            RunHandle first = service.submit(tiny());
            List<StepMetrics> streamed = new CopyOnWriteArrayList<>();
            first.addListener(new TrainingListener() {
                @Override
                public void onStep(StepMetrics step) {
                    streamed.add(step);
                }
            });
            RunHandle second = service.submit(tiny().toBuilder().seed(7).build());
            assertEquals(List.of(first, second), service.runs());
            waitFor(() -> second.status().isTerminal());
            assertEquals(RunStatus.FINISHED, first.status(), first.statusMessage());
            assertEquals(RunStatus.FINISHED, second.status(), second.statusMessage());
            assertEquals(2, first.history().epochs().size());
            assertEquals(10, first.history().steps().size(), "640 images / 128 × 2 epochs");
            assertFalse(first.history().snapshots().isEmpty());
            assertFalse(streamed.isEmpty(), "live events reach subscribers");
            assertTrue(Files.isRegularFile(first.directory().resolve("metrics.csv")));
            assertTrue(Files.isRegularFile(first.directory().resolve("checkpoint.params")));
            assertTrue(first.name().contains("mlp"), first.name());
        }
    }

    @Test
    void invalidConfigurationsAreRefusedAtSubmission(@TempDir Path workspace) {
        try (TrainingService service = new InProcessTrainingService(workspace)) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> service.submit(tiny().toBuilder().ringSize(1).lr(-1).build()));
            assertTrue(e.getMessage().contains("ring-size") && e.getMessage().contains("lr"), e.getMessage());
            assertTrue(service.runs().isEmpty());
        }
    }

    @Test
    void aQueuedRunCanBeStoppedBeforeItStarts(@TempDir Path workspace) throws Exception {
        try (TrainingService service = new InProcessTrainingService(workspace)) {
            // long enough that it is still running when stopped, however fast the machine
            RunHandle first = service.submit(tiny().toBuilder().epochs(500).build());
            RunHandle queued = service.submit(tiny());
            queued.stop();
            assertEquals(RunStatus.STOPPED, queued.status());
            first.stop();
            waitFor(() -> first.status().isTerminal());
            assertEquals(RunStatus.STOPPED, first.status());
            assertTrue(queued.history().steps().isEmpty());
        }
    }

    @Test
    void theQueueIsListedReorderedAndCancelled(@TempDir Path workspace) throws Exception {
        try (TrainingService service = new InProcessTrainingService(workspace)) {
            QueueChecks.exercise(service);
        }
    }

    @Test
    void aStoppedRunResumesFromItsCheckpointWithOneContinuousHistory(@TempDir Path workspace) throws Exception {
        RunConfig config = tiny().toBuilder().epochs(3).device(org.ringlab.config.DeviceKind.CPU).build();
        String id;
        try (InProcessTrainingService service = new InProcessTrainingService(workspace)) {
            RunHandle run = service.submit(config);
            id = run.id();
            waitFor(() -> run.history().epochs().size() >= 1);
            run.stop();
            waitFor(() -> run.status().isTerminal());
            assertThrows(java.util.NoSuchElementException.class, () -> service.resume("no-such-run"));
        }
        // a new service on the same workspace (as after a worker restart) knows the run from the store
        try (InProcessTrainingService service = new InProcessTrainingService(workspace)) {
            RunHandle resumed = service.resume(id);
            assertEquals(id, resumed.id());
            assertThrows(IllegalStateException.class, () -> service.resume(id), "already queued or running");
            waitFor(() -> resumed.status().isTerminal());
            assertEquals(RunStatus.FINISHED, resumed.status(), resumed.statusMessage());
            List<Integer> epochs = resumed.history().epochs().stream().map(e -> e.epoch()).toList();
            assertEquals(List.of(1, 2, 3), epochs);
            List<Integer> steps = resumed.history().steps().stream().map(StepMetrics::step).toList();
            assertEquals(15, steps.size(), "640 images / 128 × 3 epochs, each step once");
            for (int i = 0; i < steps.size(); i++) {
                assertEquals(i + 1, steps.get(i));
            }
            assertEquals(3, org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .build().parse(Files.newBufferedReader(resumed.directory().resolve("metrics.csv")))
                    .getRecords().size(), "metrics.csv holds the whole history too");
            assertEquals(RunStatus.FINISHED, service.store().status(Long.parseLong(id)));
            IllegalStateException done = assertThrows(IllegalStateException.class, () -> service.resume(id));
            assertTrue(done.getMessage().contains("finished"), done.getMessage());
        }
    }

    @Test
    void historyKeepsStepsBounded() {
        RunHistory h = new RunHistory();
        for (int i = 1; i <= 100_000; i++) {
            h.onStep(new StepMetrics(i, 1, i, 100_000, 1.0, 50.0, 0.1));
        }
        assertTrue(h.steps().size() < RunHistory.MAX_STEPS, "kept " + h.steps().size());
        assertTrue(h.steps().size() > RunHistory.MAX_STEPS / 4);
        assertEquals(0, h.steps().get(0).step() % h.stepStride());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(20);
        }
    }
}
