package org.ringlab.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.ringlab.config.DeviceKind;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.train.RunStatus;

/** The queue's behaviour, checked the same way in process and through a worker. */
public final class QueueChecks {
    private QueueChecks() {
    }

    private static RunConfig tiny() {
        Path data = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toAbsolutePath();
        return RunConfig.defaults().toBuilder().data(data.toString()).model(ModelKind.MLP).limitTrain(640)
                .limitTest(200).epochs(2).snapshotEvery(2).bnRecalBatches(2).device(DeviceKind.CPU).build();
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    public static void exercise(TrainingService service) throws InterruptedException {
        RunHandle running = service.submit(tiny().toBuilder().epochs(500).build());
        waitFor(() -> running.status() == RunStatus.RUNNING, "the first run to start");
        RunHandle b = service.submit(tiny().toBuilder().name("b").build());
        RunHandle c = service.submit(tiny().toBuilder().name("c").build());
        RunHandle d = service.submit(tiny().toBuilder().name("d").build());
        assertEquals(List.of(b, c, d), service.queued());

        service.moveQueued(d.id(), -1);
        assertEquals(List.of(b, d, c), service.queued());
        service.moveQueued(b.id(), 5);
        assertEquals(List.of(d, c, b), service.queued());
        service.moveQueued(d.id(), -3);
        assertEquals(List.of(d, c, b), service.queued());

        service.cancelQueued(c.id());
        assertEquals(List.of(d, b), service.queued());
        waitFor(() -> c.status() == RunStatus.STOPPED, "the cancelled run's status");

        IllegalStateException notQueued = assertThrows(IllegalStateException.class,
                () -> service.moveQueued(running.id(), 1));
        assertTrue(notQueued.getMessage().contains("not queued"), notQueued.getMessage());
        assertThrows(IllegalStateException.class, () -> service.cancelQueued(running.id()));
        assertThrows(NoSuchElementException.class, () -> service.moveQueued("no-such-run", 1));

        service.cancelQueued(d.id());
        service.cancelQueued(b.id());
        assertEquals(List.of(), service.queued());
        running.stop();
        waitFor(() -> running.status().isTerminal(), "the running run to stop");
        assertEquals(RunStatus.STOPPED, running.status());
        assertTrue(b.history().steps().isEmpty(), "a cancelled run never trained");
    }
}
